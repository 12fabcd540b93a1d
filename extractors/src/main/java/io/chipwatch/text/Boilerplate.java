package io.chipwatch.text;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises lines that belong to the page, not to the article: editor and byline lines,
 * platform disclaimers, copyright notices, share prompts, calls to follow an account,
 * customer-service phone numbers. Used on HTML paragraphs and on plain-text lines alike.
 * Stateless and thread-safe.
 */
public final class Boilerplate {

    /** Lines that are nothing but a labelled credit: 责任编辑：X, 来源：X, 图/文|X. */
    private static final Pattern CREDIT_LINE = Pattern.compile(
            "^[\\s（(\\[【]*(?:本文来源|文章来源|原文来源|责任编辑|责编|编辑|主编|审核|审校|校对|美编|监制|统筹|策划|终审|初审|复审|值班编辑|本文编辑|编审|作者|記者|记者|撰文|撰稿|文字|文|来源|來源|出处|图片来源|图片|图|摄影|视觉|排版|出品|制图|设计|翻译|编译|整理|实习生|通讯员|责任校对|稿件来源)"
                    + "\\s*[：:|｜/丨]\\s*.{0,60}$");
    private static final Pattern NOTICE = Pattern.compile(
            "特别声明|免责声明|版权声明|版权所有|版權所有|本文为.{0,40}原创|本文系.{0,40}原创|原创文章.{0,10}转载|未经.{0,30}(?:授权|许可|同意).{0,20}(?:转载|使用|复制)"
                    + "|禁止转载|谢绝转载|转载请(?:注明|联系)|如需转载|版权归.{0,30}所有|[Cc]opyright|©|All Rights Reserved|ICP备|ICP证|网安备|公网安备"
                    + "|(?:客服|咨询|服务|举报|投诉|热线|购买咨询|联系)(?:电话|热线)\\s*[：:]?\\s*[\\d(（+][\\d\\-—()（）\\s转]{6,}|扫码|扫描.{0,6}二维码|长按.{0,6}二维码|识别二维码|关注.{0,10}公众号|点击.{0,10}(?:阅读原文|关注|订阅|下载|菜单|投票|进入|查看|收听|观看|链接|这里)|【点击[^】]{0,10}】|^\\d*[、.]?\\s*回复【|^[（(]?\\s*(?:本文)?原标题[：:]|您的浏览器(?:暂时)?(?:无法|不支持)"
                    + "|分享到|分享至|返回.{0,6}首页|返回搜狐|查看更多|打开.{0,8}(?:APP|App|app|客户端)|下载.{0,8}(?:APP|App|app|客户端)|本平台仅提供信息存储服务"
                    + "|广告声明|廣告聲明|^(?:广告|廣告|推广|推廣|赞助|贊助|AD|Advertisement)$|仅代表作者(?:本人|个人)?观点|不代表.{0,20}(?:立场|观点)|投资有风险|不构成投资建议|文章内容仅供参考|内容仅供参考|阅读原文");
    /** Button rows of WeChat and self-media pages: "点赞 在看 分享". */
    private static final Pattern WIDGET_ROW = Pattern.compile("^(?:[\\s|·]*(?:点赞|在看|分享|收藏|转发|评论|赞|赏|举报|写留言|留言)[\\s|·\\d]*){1,6}$");
    private static final Pattern NAV_HEAD = Pattern.compile(
            "^(?:相关阅读|相关新闻|相关文章|相关推荐|延伸阅读|推荐阅读|热门推荐|热点推荐|猜你喜欢|更多精彩|精彩推荐|热门文章|热门新闻|上一篇|下一篇|往期回顾|往期推荐|今日推荐|网友评论|评论|热门评论|最新评论)[：:\\s]?.{0,40}$");
    /** Characters of article text that must precede a related-links heading for it to end the article. */
    private static final int MIN_ARTICLE_BEFORE_RELATED = 200;
    private static final Pattern RELATED_HEAD = Pattern.compile(
            "相关阅读|相关新闻|相关文章|相关推荐|延伸阅读|延伸推荐|推荐阅读|热门推荐|猜你喜欢|更多精彩|精彩推荐|往期回顾|往期推荐|相關閱讀|相關新聞|延伸閱讀|推薦閱讀");
    private static final Pattern PHONE_ONLY = Pattern.compile("^[\\s+()（）\\d\\-—转]{7,24}$");
    private static final Pattern DISCLAIMER_START = Pattern.compile(
            "(?:特别声明|免责声明|版权声明|注：以上内容|注:以上内容|声明：本文|声明:本文|本文为.{0,30}原创|本文来自.{0,30}(?:入驻|自媒体))");
    /** A parenthesised credit closing an article: (文|X, 编辑|Y). */
    private static final Pattern TRAILING_CREDIT = Pattern.compile(
            "[（(][^（()）]{0,20}(?:文\\s*[|｜丨/]|编辑\\s*[|｜丨：:/]|责编|作者\\s*[|｜丨：:]|记者)[^（()）]{0,80}[)）]\\s*$");

    private Boilerplate() {
    }

    /** Whether a whole paragraph is page furniture rather than article text. */
    public static boolean isBoilerplateLine(String line) {
        String t = line.strip();
        if (t.isEmpty()) {
            return true;
        }
        if (PHONE_ONLY.matcher(t).matches() || !hasLetterOrDigit(t)) {
            return true;
        }
        if (t.length() <= 80 && CREDIT_LINE.matcher(t).matches()) {
            return true;
        }
        if (t.length() <= 40 && NAV_HEAD.matcher(t).matches()) {
            return true;
        }
        if (t.length() <= 160 && NOTICE.matcher(t).find()) {
            return true;
        }
        if (t.length() <= 30 && WIDGET_ROW.matcher(t).matches()) {
            return true;
        }
        return t.length() <= 12 && (t.endsWith("电话") || t.endsWith("电话：") || t.endsWith("热线"));
    }

    private static boolean hasLetterOrDigit(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (Character.isLetterOrDigit(t.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** A heading that introduces links or teasers to other articles. */
    static boolean isRelatedHeading(String line) {
        String t = line.replaceAll("[\\s·•|｜:：\\-—]", "");
        return t.length() <= 8 && RELATED_HEAD.matcher(t).matches();
    }

    /**
     * Cuts a platform disclaimer or a parenthesised credit off the end of a paragraph, as self-media
     * pages glue them onto the last line. Returns the paragraph unchanged when there is none.
     */
    public static String stripTrailingNotice(String paragraph) {
        String p = paragraph;
        Matcher d = DISCLAIMER_START.matcher(p);
        if (d.find() && d.start() > 0 && p.length() - d.start() < 400) {
            p = p.substring(0, d.start()).strip();
        }
        Matcher c = TRAILING_CREDIT.matcher(p);
        if (c.find() && c.start() > 0) {
            p = p.substring(0, c.start()).strip();
        }
        return p;
    }

    /**
     * Drops boilerplate paragraphs and trims notices glued to the last ones. Furniture that
     * follows the article's end (a notice, then lines like a phone number) is dropped as a block.
     */
    public static List<String> clean(List<String> paragraphs) {
        List<String> out = new ArrayList<>();
        int kept = 0;
        for (String p : paragraphs) {
            if (kept >= MIN_ARTICLE_BEFORE_RELATED && isRelatedHeading(p)) {
                break; // what follows "相关阅读" or "延伸·推荐" is other articles, not this one
            }
            String line = p;
            if (isBoilerplateLine(line)) {
                // A short last paragraph may carry a disclaimer glued to real text: keep the text.
                line = stripTrailingNotice(line);
                if (line.equals(p) || isBoilerplateLine(line)) {
                    continue;
                }
            }
            out.add(line);
            kept += line.length();
        }
        int tail = Math.max(0, out.size() - 3);
        for (int i = out.size() - 1; i >= tail; i--) {
            String s = stripTrailingNotice(out.get(i));
            if (s.isEmpty()) {
                out.remove(i);
            } else {
                out.set(i, s);
            }
        }
        return out;
    }
}
