package io.chipwatch.nlp;

import io.chipwatch.model.Figure;
import io.chipwatch.model.Mention;
import io.chipwatch.time.Period;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the quantities of each sentence into figures: what is measured (the metric word
 * nearest the number in its clause, else the metric its unit implies), whom it is about, which
 * product, and when. Thread-safe.
 */
final class FigureFinder {

    private static final Set<String> SUBJECT_TYPES = Set.of("ORG", "PLACE");
    /** A name right after these is the object of a verb, not who the figure is about. */
    private static final Pattern OBJECT_MARKER = Pattern.compile("(?:向|与|與|对|對|和|跟|给|給|从|從|比|替|为|為|于|於|在)\\s?$");
    private static final Pattern OF_AFTER = Pattern.compile("^[^，,；;。]{0,6}?的\\s?$");

    private final QuantityFinder quantities = new QuantityFinder();
    private final Lexicon lexicon;
    private final Gazetteer gazetteer;

    FigureFinder(Lexicon lexicon, Gazetteer gazetteer) {
        this.lexicon = lexicon;
        this.gazetteer = gazetteer;
    }

    /** Figures of one sentence; {@code topic} is the subject the article was last talking about. */
    List<Figure> find(SentenceFacts facts, Topic topic) {
        List<Figure> figures = new ArrayList<>();
        String text = facts.text();
        Figure previous = null;
        for (Quantity q : quantities.findAll(text)) {
            int clauseStart = facts.clauseStart(q.start());
            int clauseEnd = facts.clauseEnd(q.end());
            String before = text.substring(Math.max(0, q.start() - 6), q.start());
            Figure f;
            if (previous != null && isMoney(q.unit()) && isMoney(previous.unit()) && lexicon.hasConversionWord(before)) {
                f = figure(facts, q, previous.metric(), previous.subject(), previous.product(), previous.period());
            } else {
                String metric = metric(facts, q, clauseStart, clauseEnd, previous);
                Mention product = product(facts, q, clauseStart, clauseEnd);
                String subject = subject(facts, q, clauseStart, clauseEnd, product, topic);
                f = figure(facts, q, metric, subject, product == null ? null : product.name(), period(facts, q, clauseStart));
            }
            figures.add(f);
            previous = f;
        }
        return figures;
    }

    private Figure figure(SentenceFacts facts, Quantity q, String metric, String subject, String product, String period) {
        int base = facts.sentence().start();
        return new Figure(metric, q.value(), q.valueMax(), q.unit(), q.qualifier(), subject, product, period,
                q.text(), facts.text(), base + q.start(), base + q.end());
    }

    private String metric(SentenceFacts facts, Quantity q, int clauseStart, int clauseEnd, Figure previous) {
        String text = facts.text();
        // the metric word nearest the number, looking back in its clause first, then just after it
        List<Lexicon.Hit> back = lexicon.metricWords(text, clauseStart, q.start());
        List<Lexicon.Hit> after = lexicon.metricWords(text, q.end(), Math.min(clauseEnd, q.end() + 8));
        Lexicon.Hit best = null;
        for (Lexicon.Hit h : back) {
            if (fits(h.label(), q.unit())) {
                best = h;
            }
        }
        if (best == null) {
            for (Lexicon.Hit h : after) {
                if (fits(h.label(), q.unit())) {
                    best = h;
                    break;
                }
            }
        }
        if (best != null) {
            return best.label();
        }
        // 出货量约为30万颗，寒武纪超过1万颗: a figure in a later clause keeps the sentence's metric
        if (previous != null && previous.unit().equals(q.unit())) {
            return previous.metric();
        }
        List<Lexicon.Hit> sentence = lexicon.metricWords(text, 0, q.start());
        for (int i = sentence.size() - 1; i >= 0; i--) {
            if (fits(sentence.get(i).label(), q.unit())) {
                return sentence.get(i).label();
            }
        }
        return lexicon.unitMetric(q.unit()).orElse("other");
    }

    /** Some metrics only take some units: a share is a percent, shipments are counted. */
    private static boolean fits(String metric, String unit) {
        boolean money = isMoney(unit);
        return switch (metric) {
            case "market_share" -> unit.equals("percent");
            case "growth" -> unit.equals("percent") || unit.equals("multiple");
            case "shipments", "orders" -> !unit.equals("percent") && !unit.equals("multiple") || metric.equals("orders") && money;
            case "market_cap", "valuation", "revenue", "capex", "spending", "cost", "price", "investment", "deal_value",
                 "funding", "market_size" -> money || unit.equals("percent") && metric.equals("profit") || unit.equals("multiple") && metric.equals("price");
            case "profit" -> money || unit.equals("percent");
            case "imports", "exports" -> money || unit.equals("units") || unit.equals("items");
            case "capacity" -> !money;
            case "performance" -> !money;
            case "count" -> !money && !unit.equals("percent");
            default -> true;
        };
    }

    private Mention product(SentenceFacts facts, Quantity q, int clauseStart, int clauseEnd) {
        Mention best = null;
        for (Mention m : facts.mentions()) {
            if ("PRODUCT".equals(m.type()) && m.start() >= clauseStart && m.end() <= clauseEnd) {
                if (best == null || m.start() < q.start()) {
                    best = m;
                }
            }
        }
        return best;
    }

    private String subject(SentenceFacts facts, Quantity q, int clauseStart, int clauseEnd, Mention product, Topic topic) {
        String text = facts.text();
        Mention inClause = null;
        Mention inSentence = null;
        for (Mention m : facts.mentions()) {
            if (!SUBJECT_TYPES.contains(m.type()) || m.start() >= q.start()) {
                continue;
            }
            if (OBJECT_MARKER.matcher(text.substring(Math.max(0, m.start() - 2), m.start())).find()) {
                continue;
            }
            if (m.start() >= clauseStart && inClause == null) {
                inClause = m;
            }
            if (inSentence == null) {
                inSentence = m;
            }
        }
        // 拥有4.5万亿美元市值的英伟达: the owner follows the figure
        for (Mention m : facts.mentions()) {
            if (SUBJECT_TYPES.contains(m.type()) && m.start() >= q.end() && m.start() <= clauseEnd
                    && OF_AFTER.matcher(text.substring(q.end(), m.start())).find()) {
                return m.name();
            }
        }
        if (inClause != null) {
            return inClause.name();
        }
        String vendor = product == null ? null : vendorOf(product, facts);
        if (vendor != null) {
            return vendor;
        }
        if (inSentence != null) {
            return inSentence.name();
        }
        return topic.subject();
    }

    private String vendorOf(Mention product, SentenceFacts facts) {
        String vendor = gazetteer.byName(product.name()).map(GazetteerEntry::vendor).orElse(null);
        if (vendor != null) {
            return vendor;
        }
        for (Mention m : facts.mentions()) {
            if ("ORG".equals(m.type()) && m.end() <= product.start() && product.start() - m.end() <= 1) {
                return m.name();
            }
        }
        return null;
    }

    private static String period(SentenceFacts facts, Quantity q, int clauseStart) {
        Period best = null;
        for (Period p : facts.periods()) {
            if (p.endOffset() <= q.start()) {
                best = p;
            }
        }
        if (best == null) {
            for (Period p : facts.periods()) {
                if (p.startOffset() >= q.end() && p.startOffset() < facts.clauseEnd(q.end()) + 1) {
                    return p.label();
                }
            }
        }
        return best == null ? null : best.label();
    }

    private static boolean isMoney(String unit) {
        return unit.length() == 3 && Character.isUpperCase(unit.charAt(0)) && Character.isUpperCase(unit.charAt(2));
    }
}
