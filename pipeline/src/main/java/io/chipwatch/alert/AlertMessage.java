package io.chipwatch.alert;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * An alert as people read it, in the forms the sinks need: a one-line title (e-mail subject,
 * DingTalk title), plain text, Markdown (DingTalk, WeCom) and Slack mrkdwn. Labels are Chinese,
 * the data as the NLP produced it.
 *
 * @param title    "新品发布: 华为 昇腾950PR，计划 2026-Q1", prefixed 更新 for an UPDATE
 * @param text     plain text
 * @param markdown Markdown
 * @param slack    Slack mrkdwn (its own link and bold syntax, &amp;&lt;&gt; escaped)
 */
public record AlertMessage(String title, String text, String markdown, String slack) {

    /** Messages stay readable in a chat window; the full list is in the webhook JSON. */
    static final int MAX_FIGURES = 8;
    static final int MAX_SOURCES = 5;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    public static AlertMessage of(Alert a) {
        String title = (a.kind() == Alert.Kind.UPDATE ? "更新 " : "") + a.headline();
        List<KeyFigure> figures = a.figures().stream().limit(MAX_FIGURES).toList();
        List<SourceLink> sources = a.sources().stream().limit(MAX_SOURCES).toList();

        StringBuilder t = new StringBuilder(title).append('\n');
        StringBuilder m = new StringBuilder("### ").append(markdownEscape(title)).append("\n\n");
        StringBuilder s = new StringBuilder("*").append(slackEscape(title)).append("*\n");
        if (!a.changes().isEmpty()) {
            t.append("变化: ").append(String.join("; ", a.changes())).append('\n');
            m.append("**变化**: ").append(markdownEscape(String.join("; ", a.changes()))).append("\n\n");
            s.append("*变化*: ").append(slackEscape(String.join("; ", a.changes()))).append('\n');
        }
        if (!figures.isEmpty()) {
            t.append("关键数据:\n");
            m.append("**关键数据**\n\n");
            s.append("*关键数据*\n");
            for (KeyFigure f : figures) {
                t.append("- ").append(figure(f)).append('\n');
                m.append("- ").append(markdownEscape(figure(f))).append('\n');
                s.append("• ").append(slackEscape(figure(f))).append('\n');
            }
            m.append('\n');
        }
        if (a.sentence() != null) {
            t.append("原文: ").append(a.sentence()).append('\n');
            m.append("> ").append(markdownEscape(a.sentence())).append("\n\n");
            s.append("> ").append(slackEscape(a.sentence())).append('\n');
        }
        if (!sources.isEmpty()) {
            t.append("来源:\n");
            m.append("**来源**\n\n");
            s.append("*来源*\n");
            for (SourceLink l : sources) {
                String name = l.title() != null ? l.title() : l.url() != null ? l.url() : "(无标题)";
                String day = l.published() == null ? "" : " " + DAY.format(l.published());
                t.append("- ").append(name).append(day).append(l.url() == null ? "" : " " + l.url()).append('\n');
                m.append("- ").append(l.url() == null ? markdownEscape(name) : "[" + markdownEscape(name) + "](" + l.url() + ")")
                        .append(day).append('\n');
                s.append("• ").append(l.url() == null ? slackEscape(name) : "<" + l.url() + "|" + slackEscape(name) + ">")
                        .append(day).append('\n');
            }
            m.append('\n');
        }
        t.append("规则: ").append(a.rule());
        m.append("规则: ").append(markdownEscape(a.rule()));
        s.append("_规则: ").append(slackEscape(a.rule())).append('_');
        return new AlertMessage(title, t.toString(), m.toString(), s.toString());
    }

    /** "shipments 100万 units (2026)"; a range as "3万-5万". */
    static String figure(KeyFigure f) {
        StringBuilder b = new StringBuilder(f.metric()).append(' ').append(number(f.value()));
        if (f.valueMax() != null) {
            b.append('-').append(number(f.valueMax()));
        }
        if (f.unit() != null) {
            b.append(' ').append(f.unit());
        }
        if (f.period() != null) {
            b.append(" (").append(f.period()).append(')');
        }
        return b.toString();
    }

    /** Chinese magnitudes read better than long digit runs: 1e9 is 10亿. */
    static String number(double v) {
        double abs = Math.abs(v);
        if (abs >= 1e8) {
            return plain(v / 1e8) + "亿";
        }
        if (abs >= 1e4) {
            return plain(v / 1e4) + "万";
        }
        return plain(v);
    }

    private static String plain(double v) {
        BigDecimal d = new BigDecimal(Double.toString(v)).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
        return d.toPlainString();
    }

    private static String markdownEscape(String s) {
        return s.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("[", "\\[").replace("]", "\\]")
                .replace("\n", " ");
    }

    private static String slackEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", " ");
    }
}
