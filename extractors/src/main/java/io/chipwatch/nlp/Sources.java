package io.chipwatch.nlp;

import io.chipwatch.model.Mention;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tells a name quoted as the source of a statement (IDC认为, 据海关总署数据, 晨星分析师) from a
 * name the statement is about. Analysts, media and universities are sources by their kind.
 */
final class Sources {

    private static final Set<String> SOURCE_KINDS = Set.of("analyst", "media", "university");
    private static final Pattern AFTER = Pattern.compile(
            "^\\s?(?:的)?(?:数据显示|數據顯示|数据表明|数据称|的数据|报告|報告|预测|預測|认为|認為|表示|称|稱|指出|统计|統計|估计|估計|分析师|分析師|显示|顯示|发布的|援引|告诉|告訴|研究)");
    private static final Pattern BEFORE = Pattern.compile("(?:据|據|根据|根據|援引)\\s?$");
    /** 中国半导体行业协会副理事长、清华大学微电子所所长魏少军表示，: an organisation in a speaker's titles. */
    private static final Pattern SPEAKER_TITLES = Pattern.compile(
            "^[^，,。；;：:“”\"]{0,40}?(?:表示|指出|认为|認為|介绍|介紹|透露|强调|強調|称|稱)\\s?[，,：:]");

    private final Gazetteer gazetteer;

    Sources(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    boolean isSource(Mention m, String text) {
        String kind = gazetteer.byName(m.name()).map(GazetteerEntry::kind).orElse("");
        if (SOURCE_KINDS.contains(kind)) {
            return true;
        }
        String after = text.substring(m.end(), Math.min(text.length(), m.end() + 6));
        String before = text.substring(Math.max(0, m.start() - 2), m.start());
        return AFTER.matcher(after).find() || BEFORE.matcher(before).find()
                || SPEAKER_TITLES.matcher(text.substring(m.end(), Math.min(text.length(), m.end() + 50))).find();
    }

    /**
     * A source by its kind or cited with 据: never the actor of what it reports, whereas a company
     * that says something (华虹表示，上市计划获批) may well report its own act.
     */
    boolean isReporter(Mention m, String text) {
        String kind = gazetteer.byName(m.name()).map(GazetteerEntry::kind).orElse("");
        return SOURCE_KINDS.contains(kind) || BEFORE.matcher(text.substring(Math.max(0, m.start() - 2), m.start())).find();
    }

    /** A place or a government/agency: not a company a figure could be about (Governments decides who acts). */
    boolean isGovernment(Mention m) {
        if ("PLACE".equals(m.type())) {
            return true;
        }
        String kind = gazetteer.byName(m.name()).map(GazetteerEntry::kind).orElse("");
        return "agency".equals(kind) || "government".equals(kind);
    }
}
