package io.chipwatch.nlp;

import io.chipwatch.model.Mention;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the government that performs what only a government does (an export control, a
 * subsidy) and names it: a country acting is its government (美国制裁华为 is the US government's
 * act), so it takes the gazetteer's name for that government. Thread-safe.
 */
final class Governments {

    private static final Set<String> GOVERNMENT_KINDS = Set.of("agency", "government");
    private static final Set<String> STATE_KINDS = Set.of("country", "region");
    /** Names of authorities the gazetteer does not list: 荷蘭政府, 纽约州政府, 经济产业省, 工业和安全局. */
    private static final Pattern AUTHORITY_NAME = Pattern.compile("(?:政府|华府|華府|部|局|省|委员会|委員會)$");
    /** 中国实体, 荷蘭芯片設備製造商, 美國出口商: a country naming whose companies, not who acts. */
    private static final Pattern COUNTRY_AS_MODIFIER = Pattern.compile(
            "^\\s?(?:的)?(?:实体|實體|企|公司|厂|廠|芯片|晶片|半导体|半導體|製造|制造|设备|設備|出口商|业者|業者|市场|市場|本土|国内|國內|科技|技术|技術)");
    /** 将中芯国际列入, 对中国: the name after these is who is acted on. */
    private static final Pattern OBJECT_BEFORE = Pattern.compile("(?:对|對|向|将|將|把|与|與)\\s?$");

    private final Gazetteer gazetteer;
    private final Sources sources;

    Governments(Gazetteer gazetteer, Sources sources) {
        this.gazetteer = gazetteer;
        this.sources = sources;
    }

    /**
     * The government acting in the trigger's clause, the nearest before the trigger; else the first
     * before the trigger in the sentence; else the first in the sentence; null when none is named.
     */
    Mention actor(SentenceFacts facts, int triggerStart, int triggerEnd) {
        String text = facts.text();
        int clauseStart = facts.clauseStart(triggerStart);
        Mention inClause = null;
        Mention before = null;
        Mention any = null;
        for (Mention m : facts.mentions()) {
            if (!acts(m, text)) {
                continue;
            }
            if (any == null) {
                any = m;
            }
            if (m.end() <= triggerStart) {
                before = before == null ? m : before;
                if (m.start() >= clauseStart) {
                    inClause = m;
                }
            }
        }
        return inClause != null ? inClause : before != null ? before : any;
    }

    /** The name of the government a mention stands for: a country's government, else the authority itself. */
    String name(Mention m) {
        if (!"PLACE".equals(m.type())) {
            return m.name();
        }
        String government = m.name() + "政府";
        return gazetteer.byName(government).map(GazetteerEntry::name).orElse(government);
    }

    private boolean acts(Mention m, String text) {
        if (!isGovernment(m) || sources.isSource(m, text)) {
            return false;
        }
        String after = text.substring(m.end(), Math.min(text.length(), m.end() + 6));
        String before = text.substring(Math.max(0, m.start() - 2), m.start());
        return !COUNTRY_AS_MODIFIER.matcher(after).find() && !OBJECT_BEFORE.matcher(before).find();
    }

    private boolean isGovernment(Mention m) {
        String kind = gazetteer.byName(m.name()).map(GazetteerEntry::kind).orElse("");
        if ("PLACE".equals(m.type())) {
            return STATE_KINDS.contains(kind);
        }
        return "ORG".equals(m.type()) && (GOVERNMENT_KINDS.contains(kind) || kind.isEmpty() && AUTHORITY_NAME.matcher(m.name()).find());
    }
}
