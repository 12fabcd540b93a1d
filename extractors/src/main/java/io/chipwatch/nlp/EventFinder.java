package io.chipwatch.nlp;

import io.chipwatch.model.Event;
import io.chipwatch.model.Mention;
import io.chipwatch.time.Period;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds events in a sentence from its trigger words (lexicon.yml) and the entities around
 * them: a launch names a product, a deal names its parties, an export control the government
 * that imposes it. The date is the sentence's time expression; status says whether it lies
 * after publication. Thread-safe.
 */
final class EventFinder {

    /** 向X, 与X, 在港交所公告: the name after these is a counterpart or a place, not who acts. */
    private static final Pattern OBJECT_MARKER = Pattern.compile("(?:向|与|與|对|對|和|跟|给|給|从|從|比|替|于|於|在|、)\\s?$");
    private static final Pattern QUOTED_NAME = Pattern.compile("[“\"《「]([^”\"》」]{2,30})[”\"》」]");
    /** Words for "these days" that date an event to the publication month, or only its year. */
    private static final Pattern RECENT_MONTH = Pattern.compile("近日|日前|日內|过去半个月|過去半個月|本周|本週|上周|上週|这周|這週|昨日|昨天|今日|今天|本月|这个月");
    private static final Pattern RECENT_YEAR = Pattern.compile("近期|最近|目前|近來|近来|今年");
    private static final Pattern PLAIN_YEAR = Pattern.compile("\\d{4}");
    private static final Pattern YEAR_PART = Pattern.compile("\\d{4}(-(?:Q[1-4]|H[12]|\\d{2}))");
    private static final Pattern SPAN = Pattern.compile("^(?:未来|未來|过去|過去|今后|今後|近)");
    /** 阿里巴巴旗下平头哥: the parent named first is not who acts. */
    private static final Pattern PARENT_OF_NEXT = Pattern.compile("^\\s?(?:旗下|的子公司|子公司|控股的)");
    /** What joins organisations that act together: 、, 和, 及 and nothing else. */
    private static final Pattern JOINT_SUBJECT = Pattern.compile("\\s?(?:、|和|及|以及)\\s?");
    private static final Pattern QUESTION = Pattern.compile("[？?]\\s*$");
    private static final Pattern SUPPOSITION = Pattern.compile("^\\s*(?:如果|假如|倘若|假设|假設|若是)");
    private static final Set<String> CAPITAL_MARKET_EVENTS = Set.of("ipo", "funding");
    /** 上海证券交易所, 港交所, 科创板: where shares are listed. */
    private static final Pattern VENUE = Pattern.compile("(?:交易所|证交所|證交所|港交所|联交所|聯交所|板)$");
    private static final Set<String> PRODUCT_EVENTS = Set.of("product_announcement", "mass_production");

    private final Lexicon lexicon;
    private final Gazetteer gazetteer;
    private final Sources sources;
    private final Governments governments;

    EventFinder(Lexicon lexicon, Gazetteer gazetteer) {
        this.lexicon = lexicon;
        this.gazetteer = gazetteer;
        this.sources = new Sources(gazetteer);
        this.governments = new Governments(gazetteer, sources);
    }

    /**
     * The actor and the organisations listed with it as joint subjects (中国银行、农业银行、工商银行也先后公告):
     * each of them acts, although 、 otherwise marks the name after it as an object.
     */
    private static List<Mention> coActors(SentenceFacts facts, Mention actor) {
        List<Mention> out = new ArrayList<>();
        out.add(actor);
        Mention last = actor;
        for (Mention m : facts.mentions()) {
            if (m.start() < last.end() || !"ORG".equals(m.type())) {
                continue;
            }
            if (!JOINT_SUBJECT.matcher(facts.text().substring(last.end(), m.start())).matches()) {
                break;
            }
            if (out.stream().noneMatch(o -> o.name().equals(m.name()))) {
                out.add(m);
            }
            last = m;
        }
        // AMD、谷歌、微软等国外企业: a list closed by 等 gives examples of a kind, not who acted
        return facts.text().startsWith("等", last.end()) ? List.of(actor) : out;
    }

    List<Event> find(SentenceFacts facts, LocalDate published, Topic topic) {
        List<Event> events = new ArrayList<>();
        String text = facts.text();
        // 为什么还要推出X？ and 如果参考…发布的报告: a question or a supposition reports nothing
        if (QUESTION.matcher(text).find()) {
            return events;
        }
        Set<String> typesSeen = new LinkedHashSet<>();
        for (Lexicon.Hit trigger : lexicon.eventWords(text, 0, text.length())) {
            if (insideName(facts, trigger) || SUPPOSITION.matcher(text.substring(facts.clauseStart(trigger.start()))).find()) {
                continue;
            }
            // 一季度推出A，四季度推出B: each launch clause of a roadmap names its own product and date
            if (!typesSeen.add(trigger.label())
                    && !(PRODUCT_EVENTS.contains(trigger.label()) && clauseHasProduct(facts, trigger))) {
                continue;
            }
            Period when = date(facts, trigger);
            String date = when == null ? recentDate(text, published, topic.period()) : withStatedYear(facts, when);
            String status = status(text, when, date, published);
            if (PRODUCT_EVENTS.contains(trigger.label())) {
                List<String[]> made = products(facts, trigger, topic);
                for (String[] orgAndProduct : made) {
                    events.add(event(facts, trigger, orgAndProduct[0], orgAndProduct[1], date, status));
                }
                // 新厂预计于2026年开始量产: a plant or a line starting production names no product
                if (made.isEmpty() && "mass_production".equals(trigger.label())) {
                    Mention actor = actor(facts, trigger.label());
                    String org = actor != null ? actor.name() : topic.paragraphSubject();
                    if (org != null) {
                        events.add(event(facts, trigger, org, null, date, status));
                    }
                }
            } else if ("partnership".equals(trigger.label())) {
                for (Mention party : orgs(facts)) {
                    events.add(event(facts, trigger, party.name(), productNear(facts), date, status));
                }
            } else if ("export_control".equals(trigger.label()) || lexicon.isGovernmentAct(trigger.word())) {
                Mention government = governments.actor(facts, trigger.start(), trigger.end());
                if (government != null) {
                    events.add(event(facts, trigger, governments.name(government), productNear(facts), date, status));
                }
            } else {
                Mention actor = actor(facts, trigger.label());
                if (actor != null) {
                    for (Mention each : coActors(facts, actor)) {
                        events.add(event(facts, trigger, each.name(), productNear(facts), date, status));
                    }
                }
            }
        }
        return events;
    }

    private Event event(SentenceFacts facts, Lexicon.Hit trigger, String org, String product, String date, String status) {
        return new Event(trigger.label(), org, product, date, status, trigger.word(), facts.text(),
                facts.sentence().start(), facts.sentence().end());
    }

    /** Each product the sentence names, with its maker; a quoted name after the trigger if none. */
    private List<String[]> products(SentenceFacts facts, Lexicon.Hit trigger, Topic topic) {
        List<String[]> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        // 已商用的A、B，另外C、D亦发布了计划: the trigger's own clause names what it is about; the
        // whole sentence only when that clause names no product
        int clauseStart = facts.clauseStart(trigger.start());
        int clauseEnd = facts.clauseEnd(trigger.end());
        boolean clauseHasProduct = clauseHasProduct(facts, trigger);
        for (Mention m : facts.mentions()) {
            if (clauseHasProduct && (m.start() < clauseStart || m.end() > clauseEnd)) {
                continue;
            }
            if ("PRODUCT".equals(m.type()) && seen.add(m.name())) {
                // the company acting just before the product in its clause (华为推出了麒麟990) is the
                // one the analyst follows, even where the gazetteer names a subsidiary as its vendor
                Mention actor = actorBefore(facts, m);
                String org = actor != null ? actor.name() : maker(m, facts, topic);
                out.add(new String[]{org, m.name()});
            }
        }
        if (out.isEmpty() && "product_announcement".equals(trigger.label())) {
            Matcher q = QUOTED_NAME.matcher(facts.text());
            if (q.find(trigger.end()) && q.start() - trigger.end() <= 4) {
                Mention actor = actor(facts, trigger.label());
                out.add(new String[]{actor == null ? topic.subject() : actor.name(), q.group(1).strip()});
            }
        }
        return out;
    }

    /** 国家集成电路产业投资基金, 合作社: a trigger word inside a name is part of the name. */
    private static boolean insideName(SentenceFacts facts, Lexicon.Hit trigger) {
        return facts.mentions().stream().anyMatch(m -> m.start() <= trigger.start() && trigger.end() <= m.end()
                && m.end() - m.start() > trigger.end() - trigger.start());
    }

    private static boolean clauseHasProduct(SentenceFacts facts, Lexicon.Hit trigger) {
        int clauseStart = facts.clauseStart(trigger.start());
        int clauseEnd = facts.clauseEnd(trigger.end());
        return facts.mentions().stream()
                .anyMatch(m -> "PRODUCT".equals(m.type()) && m.start() >= clauseStart && m.end() <= clauseEnd);
    }

    /** The product's vendor: from the gazetteer (also for a model of a known family), else the maker named beside it. */
    private String maker(Mention product, SentenceFacts facts, Topic topic) {
        String vendor = gazetteer.byName(product.name()).map(GazetteerEntry::vendor).orElse(null);
        if (vendor == null) {
            GazetteerEntry family = null;
            for (GazetteerEntry e : gazetteer.lookup(product.name())) {
                family = e;
            }
            for (int len = product.name().length() - 1; family == null && len >= 2; len--) {
                family = gazetteer.byName(product.name().substring(0, len))
                        .filter(e -> "PRODUCT".equals(e.type()) && e.vendor() != null).orElse(null);
            }
            vendor = family == null ? null : family.vendor();
        }
        if (vendor != null) {
            return vendor;
        }
        Mention actor = actor(facts, "product_announcement");
        return actor != null ? actor.name() : topic.subject();
    }

    /**
     * Who acts: the first organisation not in object position and not a quoted source; else the
     * first that speaks of the act itself (长鑫表示，其上市计划获批). A stock exchange or board is
     * where a listing or a fund raising happens, not who does it.
     */
    private Mention actor(SentenceFacts facts, String type) {
        String text = facts.text();
        Mention speaker = null;
        for (Mention m : facts.mentions()) {
            if (!"ORG".equals(m.type()) || PARENT_OF_NEXT.matcher(text.substring(m.end(), Math.min(text.length(), m.end() + 4))).find()
                    || OBJECT_MARKER.matcher(text.substring(Math.max(0, m.start() - 2), m.start())).find()
                    || CAPITAL_MARKET_EVENTS.contains(type) && VENUE.matcher(m.name()).find()) {
                continue;
            }
            if (!sources.isSource(m, text)) {
                return m;
            }
            if (speaker == null && !sources.isReporter(m, text)) {
                speaker = m;
            }
        }
        return speaker;
    }

    /** The nearest organisation before the product in its clause that acts (not 向X, not X旗下, not a source). */
    private Mention actorBefore(SentenceFacts facts, Mention product) {
        String text = facts.text();
        int clauseStart = facts.clauseStart(product.start());
        Mention best = null;
        for (Mention m : facts.mentions()) {
            // 华为巴龙5000、三星Exynos 5100: a company acts for the products up to the next one named
            if ("PRODUCT".equals(m.type()) && best != null && m.start() >= best.start() && m.end() <= product.start()
                    && !m.name().equals(product.name())) {
                best = null;
            }
            if ("ORG".equals(m.type()) && m.start() >= clauseStart && m.end() <= product.start()
                    && !sources.isSource(m, text)
                    && !PARENT_OF_NEXT.matcher(text.substring(m.end(), Math.min(text.length(), m.end() + 4))).find()
                    && !OBJECT_MARKER.matcher(text.substring(Math.max(0, m.start() - 2), m.start())).find()) {
                best = m;
            }
        }
        return best;
    }

    private List<Mention> orgs(SentenceFacts facts) {
        List<Mention> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Mention m : facts.mentions()) {
            if ("ORG".equals(m.type()) && !sources.isSource(m, facts.text()) && seen.add(m.name())) {
                out.add(m);
            }
        }
        return out;
    }

    private static String productNear(SentenceFacts facts) {
        for (Mention m : facts.mentions()) {
            if ("PRODUCT".equals(m.type())) {
                return m.name();
            }
        }
        return null;
    }

    /**
     * The time expression nearest the trigger, before it in the sentence or after it in the
     * trigger's own clause (推出…于2027年第四季度), ignoring spans such as 未来十年.
     */
    private static Period date(SentenceFacts facts, Lexicon.Hit trigger) {
        Period best = null;
        int bestDistance = Integer.MAX_VALUE;
        int clauseEnd = facts.clauseEnd(trigger.end());
        for (Period p : facts.periods()) {
            if (SPAN.matcher(p.text()).find() || p.startOffset() >= clauseEnd) {
                continue;
            }
            int distance = p.endOffset() <= trigger.start() ? trigger.start() - p.endOffset() : p.startOffset() - trigger.end();
            if (Math.abs(distance) < bestDistance) {
                best = p;
                bestDistance = Math.abs(distance);
            }
        }
        return best;
    }

    /**
     * A quarter or month resolved from context takes the year the sentence states elsewhere:
     * machine translation moves the year (将于第一季度推出Ascend 950PR2026年).
     */
    private static String withStatedYear(SentenceFacts facts, Period when) {
        Matcher part = YEAR_PART.matcher(when.label());
        if (!when.relative() || !part.matches()) {
            return when.label();
        }
        for (Period p : facts.periods()) {
            if (p != when && !p.relative() && PLAIN_YEAR.matcher(p.label()).matches()) {
                return p.label() + part.group(1);
            }
        }
        return when.label();
    }

    /** 近日 dates an event to the publication month, 近期 to its year; else the previous sentence's time. */
    private static String recentDate(String text, LocalDate published, String carried) {
        if (RECENT_MONTH.matcher(text).find()) {
            return String.format("%04d-%02d", published.getYear(), published.getMonthValue());
        }
        if (RECENT_YEAR.matcher(text).find()) {
            return String.valueOf(published.getYear());
        }
        return carried;
    }

    /**
     * Planned when the date lies after publication, or when the sentence speaks of a plan and
     * the date is not over yet. Fiscal calendars differ by company, so for them only words count.
     */
    private String status(String text, Period when, String date, LocalDate published) {
        boolean plannedWords = lexicon.hasPlannedWord(text);
        if (when == null || date.startsWith("FY")) {
            return plannedWords ? "planned" : "released";
        }
        int year = Integer.parseInt(date.substring(0, 4));
        if (year > published.getYear() || when.start().isAfter(published)) {
            return "planned";
        }
        return plannedWords && !when.end().isBefore(published) ? "planned" : "released";
    }
}
