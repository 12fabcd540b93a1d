package io.chipwatch.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads author and source names from byline text in the forms Chinese news uses:
 * {@code 作者：X}, {@code 作者 X}, {@code 文|X}, {@code 文/图 X Y}, {@code 执笔/X、Y},
 * {@code 记者 X Y}, {@code （记者X）}, a closing {@code （X）}, and {@code 来源：X}.
 * Returns empty rather than a navigation word, a date, a label or an organisation.
 * Stateless and thread-safe.
 */
public final class BylineParser {

    /** Up to where a list of names runs: the end of the line, a bracket, a sentence mark or another label. */
    private static final String NAMES = "([^\\n()（）\\[\\]【】<>《》:：|｜丨／╱∕,，。;；!！?？]{2,40})";
    private static final Pattern AUTHOR_LABEL = Pattern.compile(
            "(?:作者|作\\s者|撰文|撰稿|执笔|采写|文字|作者名)\\s*(?:[：:|｜丨/]|\\s)\\s*" + NAMES);
    private static final Pattern WEN = Pattern.compile("(?<![\\p{IsHan}])(?:文\\s*/\\s*图|图\\s*/\\s*文|文图|图文|文)\\s*[|｜丨/]?\\s*" + NAMES);
    private static final Pattern REPORTER = Pattern.compile(
            "(?:记者|記者|通讯员|特约撰稿人|特约记者)\\s*[：:]?\\s*" + NAMES);
    private static final Pattern CLOSING_NAME = Pattern.compile("[（(]\\s*([\\p{IsHan}]{2,4}(?:[\\s、][\\p{IsHan}]{2,4}){0,3})\\s*[)）]\\s*$");
    private static final Pattern SOURCE_LABEL = Pattern.compile(
            "(?:来源|來源|稿源|出处|出自|转自|本文来源|文章来源)\\s*[：:|｜丨]?\\s*([A-Za-z][A-Za-z0-9.&\\-]*(?: [A-Z][A-Za-z0-9.&\\-]*)*(?![\\p{IsHan}A-Za-z0-9])|[^\\s\\n|｜丨,，。;；()（）<>]{2,30})");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s、&＆和/／╱∕]+");
    /** Labels that end a list of names: "夏川 责编：…", "赵致远 发布时间：…". */
    private static final Pattern LABEL_WORD = Pattern.compile(
            "^(?:发布|时间|日期|来源|來源|编辑|責編|责编|责任|阅读|评论|字号|分享|原标题|摄影|图片|更新|浏览|点击|收藏|举报|关注|出处|审核|校对|监制|即时|即時|报道|報導)");
    private static final Pattern HAN_NAME = Pattern.compile("[\\p{IsHan}]{2,4}|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}");
    /** Words that trail a name in a credit ("陈智 整合", "路闻卓立编译"). */
    private static final Pattern CREDIT_SUFFIX = Pattern.compile("(?:整合|编译|整理|综合|报道|摄影|摄|编辑|发自.*|撰文|执笔)$");
    private static final Set<String> NOT_NAMES = Set.of(
            "首页", "登录", "注册", "新闻", "评论", "分享", "更多", "返回", "网友", "匿名", "佚名", "未知", "admin", "小编",
            "本站", "本网", "网络", "互联网", "原创", "投稿", "转载", "编辑", "记者", "作者", "报道", "讯", "今日", "图片", "视频",
            "本报", "本台", "综合", "整理", "整合", "编译", "责任编辑", "客户端", "微信", "微博", "关注", "收藏", "举报", "打印", "字号", "阅读",
            "待续", "资料图", "完", "本报讯", "新华社", "中新社", "图", "摄", "来源", "供图", "配图", "题图", "截图", "网络图片", "视觉中国",
            "本文", "全文", "详情", "点击", "查看", "图片来源", "数据来源", "资料来源", "下同", "同上", "注", "上图", "下图");
    /** What follows 记者 when it is the subject of a sentence ("记者梳理发现") rather than a byline. */
    private static final Pattern REPORTER_VERB = Pattern.compile(
            "梳理|注意|了解|获悉|发现|查询|采访|联系|致电|看到|走访|调查|询问|从|在|对|向|将|也|还|就|已|曾|于|今|昨|近|日前|表示|介绍|问|来到|实地|随机|第一|多方|独家|求证|暗访|体验|测试|统计|搜索|登录|咨询|获得|拿到|观察|现场|看|到|通过|根据|据|随|与|和|同|又|再|并|则|便|即|才|都|每|所|被|把|让|给|跟|等|查阅|翻阅|比较|对比|计算");
    private static final Pattern REPORTER_FILLER = Pattern.compile("^(?:本报|本台|本网|新华社|中新社|人民网|央视|南都|新京报|澎湃新闻)?(?:记者)?");
    private static final Pattern ORGANISATION = Pattern.compile(".{2,}(?:支部|党委|部|局|院|委|办|中心|公司|集团|网|报|社|台|站|号|处|室|科|所|厅|团|组|频道|平台|研究院|协会|政府|大学|学院)$");

    /** The author names found in the text, joined by single spaces, or empty. */
    public Optional<String> author(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        text = spaces(text);
        for (Pattern p : List.of(AUTHOR_LABEL, WEN, REPORTER)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                Optional<String> names = names(m.group(1), p == REPORTER);
                if (names.isPresent()) {
                    return names;
                }
            }
        }
        return Optional.empty();
    }

    /** A credit in brackets closing the article, "（张三）" — read only from an article's last line. */
    public Optional<String> closingAuthor(String lastParagraph) {
        if (lastParagraph == null) {
            return Optional.empty();
        }
        Matcher m = CLOSING_NAME.matcher(lastParagraph.strip());
        return m.find() ? names(m.group(1), false) : Optional.empty();
    }

    /** The first source (outlet) name found after a 来源 label. */
    public Optional<String> source(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        text = spaces(text);
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
        if (n.length() < 2 || n.length() > 30 || NOT_NAMES.contains(n) || n.startsWith("分享") || n.startsWith("点击")
                || n.contains("http") || n.contains("www.") || n.contains("@")
                || n.matches(".*\\d{4}.*") || n.matches("^[\\p{Punct}\\s]+$")) {
            return Optional.empty();
        }
        return Optional.of(n);
    }

    /** Java's \\s knows neither the no-break nor the ideographic space that bylines are padded with. */
    private static String spaces(String text) {
        return text.replace('\u00a0', ' ').replace('\u3000', ' ');
    }

    /** Person names in a credit such as "余毅菁 向雪妮", "叨叨姐、胡一刀&李小飞刀", "陈智 整合". */
    private Optional<String> names(String raw, boolean afterReporter) {
        List<String> out = new ArrayList<>();
        for (String part : SEPARATORS.split(raw.strip())) {
            String n = REPORTER_FILLER.matcher(part).replaceFirst("");
            n = CREDIT_SUFFIX.matcher(n).replaceFirst("");
            if (n.isEmpty()) {
                continue;
            }
            if (!HAN_NAME.matcher(n).matches() || NOT_NAMES.contains(n) || LABEL_WORD.matcher(n).find() || ORGANISATION.matcher(n).matches()
                    || (afterReporter && REPORTER_VERB.matcher(n).lookingAt())) {
                // The list of names ends where something that is not a name begins.
                break;
            }
            out.add(n);
            if (out.size() == 4) {
                break;
            }
        }
        return out.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", out));
    }
}
