package io.chipwatch.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads author and source names from byline text in the forms Chinese news uses:
 * {@code 作者：X}, {@code 文|X}, {@code 文/X}, {@code 记者 X Y}, {@code 撰文：X}, {@code 来源：X}.
 * Returns empty rather than a navigation word, a date or a label. Stateless and thread-safe.
 */
public final class BylineParser {

    private static final String NAME = "([\\p{IsHan}A-Za-z][\\p{IsHan}A-Za-z·.\\- ]{0,30}?)";
    private static final String STOP = "(?=$|[\\s\\n,，。;；、|｜丨/()（）\\[\\]【】<>《》:：]|报道|发自|摄影|摄|编辑|责编|来源|时间|发布|日期|\\d)";
    private static final Pattern AUTHOR_LABEL = Pattern.compile(
            "(?:作者|作\\s者|撰文|撰稿|文字|原创|作者名)\\s*[：:|｜丨/]\\s*" + NAME + STOP);
    private static final Pattern WEN = Pattern.compile("(?<![\\p{IsHan}])文\\s*[|｜丨/]\\s*" + NAME + STOP);
    private static final Pattern REPORTER = Pattern.compile(
            "(?:记者|記者|通讯员|特约撰稿人|特约记者)\\s*[：:]?\\s*((?:[\\p{IsHan}]{2,4}(?:[ 、，,和]+|$|(?=[^\\p{IsHan}])))+)");
    private static final Pattern SOURCE_LABEL = Pattern.compile(
            "(?:来源|來源|稿源|出处|出自|转自|本文来源|文章来源)\\s*[：:|｜丨]\\s*([^\\s\\n|｜丨,，。;；()（）<>]{2,30})");
    private static final Set<String> NOT_NAMES = Set.of(
            "首页", "登录", "注册", "新闻", "评论", "分享", "更多", "返回", "网友", "匿名", "佚名", "未知", "admin", "小编",
            "本站", "本网", "网络", "互联网", "原创", "投稿", "转载", "编辑", "记者", "作者", "报道", "讯", "今日", "图片", "视频",
            "本报", "本台", "综合", "整理", "责任编辑", "客户端", "微信", "微博", "关注", "收藏", "举报", "打印", "字号", "阅读");
    /** What follows 记者 when it is the subject of a sentence ("记者梳理发现") rather than a byline. */
    private static final Pattern REPORTER_VERB = Pattern.compile(
            "梳理|注意|了解|获悉|发现|查询|采访|联系|致电|看到|走访|调查|询问|从|在|对|向|将|也|还|就|已|曾|于|今|昨|近|日前|表示|介绍|问|来到|实地|随机|第一|多方|独家|求证|暗访|体验|测试|统计|搜索|登录|咨询|获得|拿到|观察|现场|看|到|通过|根据|据|随|与|和|同|又|再|并|则|便|即|才|都|每|所|被|把|让|给|跟|等|查阅|翻阅|比较|对比|计算|梳理");
    private static final Pattern REPORTER_FILLER = Pattern.compile("^(?:本报|本台|本网|新华社|中新社|人民网|央视)?");

    /** The first author name found in the text. */
    public Optional<String> author(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        for (Pattern p : List.of(AUTHOR_LABEL, WEN)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                Optional<String> n = name(m.group(1));
                if (n.isPresent()) {
                    return n;
                }
            }
        }
        Matcher r = REPORTER.matcher(text);
        while (r.find()) {
            List<String> names = new ArrayList<>();
            for (String part : r.group(1).split("[ 、，,和]+")) {
                String n = REPORTER_FILLER.matcher(part.strip()).replaceFirst("");
                if (n.length() >= 2 && n.length() <= 4 && !NOT_NAMES.contains(n) && !n.endsWith("报道")
                        && !REPORTER_VERB.matcher(n).lookingAt()) {
                    names.add(n);
                }
            }
            if (!names.isEmpty()) {
                return Optional.of(String.join(" ", names));
            }
        }
        return Optional.empty();
    }

    /** The first source (outlet) name found after a 来源 label. */
    public Optional<String> source(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Matcher m = SOURCE_LABEL.matcher(text);
        while (m.find()) {
            Optional<String> n = name(m.group(1));
            if (n.isPresent()) {
                return n;
            }
        }
        return Optional.empty();
    }

    /** Accepts a candidate from a meta tag or JSON-LD when it looks like a name, not a label or URL. */
    public Optional<String> name(String candidate) {
        if (candidate == null) {
            return Optional.empty();
        }
        String n = TextNormalizer.collapse(candidate).replaceAll("^[\\s:：|｜丨/]+|[\\s:：|｜丨/]+$", "");
        if (n.length() < 2 || n.length() > 30 || NOT_NAMES.contains(n) || n.startsWith("分享") || n.startsWith("点击") || n.contains("http") || n.contains("www.")
                || n.matches(".*\\d{4}.*") || n.matches("^[\\p{Punct}\\s]+$")) {
            return Optional.empty();
        }
        return Optional.of(n);
    }
}
