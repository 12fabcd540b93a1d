package io.chipwatch.text;

import java.util.regex.Pattern;

/** Lines that carry an article's metadata (date, source, byline, view counts) rather than its text. */
public final class MetaLines {

    private static final Pattern DATE = Pattern.compile(
            "(?:19|20)\\d{2}\\s*[-/.年]\\s*\\d{1,2}\\s*[-/.月]\\s*\\d{1,2}|(?<![0-9])\\d{1,2}[-/]\\d{1,2}\\s+\\d{1,2}:\\d{2}|\\d{1,2}月\\d{1,2}日\\s*\\d{1,2}:\\d{2}");
    private static final Pattern LABEL = Pattern.compile(
            "来源|來源|作者|编辑|责编|记者|时间|发布|发表|日期|阅读|浏览|评论|字号|点击|分享|收藏|打印|原创|举报|关注|[大中小]$");

    private MetaLines() {
    }

    /** Whether the line is a date/byline line such as "2025-10-25 10:20 来源：新浪科技 作者：张三". */
    public static boolean isMetaLine(String line) {
        String t = line.strip();
        if (t.isEmpty() || t.length() > 100 || !DATE.matcher(t).find()) {
            return false;
        }
        if (t.indexOf('。') >= 0 || t.indexOf('！') >= 0 || t.chars().filter(c -> c == '，').count() >= 2) {
            return false; // a sentence that happens to start with a date
        }
        if (LABEL.matcher(t).find()) {
            return true;
        }
        String rest = DATE.matcher(t).replaceAll("").replaceAll("[\\d:：\\s]", "");
        return rest.length() <= 12;
    }
}
