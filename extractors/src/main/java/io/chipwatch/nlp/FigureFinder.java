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
    /** Metrics a results report states for its period (not prices, specs, deals or counts). */
    private static final Set<String> REPORTED = Set.of("revenue", "profit", "growth", "other", "capex", "spending",
            "cost", "shipments", "capacity", "market_share");
    /** A name right after these is the object of a verb, not who the figure is about. */
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern ANNOUNCED = Pattern.compile("^[^，,。；;]{0,6}?(?:发表|發表|公布|发布|發布|宣布|表示|指出|报道|報導|召开|召開|公告|披露)");
    private static final Pattern PERCENTAGE_POINTS = Pattern.compile("百分[点點]");
    private static final Pattern OWN_REVENUE_SHARE = Pattern.compile("[占佔](?:其|公司)?(?:总|總|全年|全部)?(?:营业收入|營業收入|营收|營收|收入|总收入|總收入)");
    private static final Pattern STOCK_MOVE = Pattern.compile("股价|股價|股票|指数|指數|大盘|大盤|股市|盘中|盤中|收盘|收盤");
    private static final Pattern OBJECT_MARKER = Pattern.compile("(?:向|与|與|对|對|和|跟|给|給|从|從|比|替|为|為|于|於|在|是|较|較|超过|超過|相比)\\s?$");
    private static final Pattern SHARE = Pattern.compile("(?:占|佔)(?:[^，,；;]{0,20}的|据|據|了|比)?\\s?(?:约|約|近|超过|超過|逾)?\\s?$");
    private static final Pattern NOW = Pattern.compile("现在|現在|目前|如今|当前|當前|眼下|时下|時下");
    private static final Pattern SPAN = Pattern.compile("^(?:未来|未來|过去|過去|今后|今後|近)");
    private static final Pattern BASE_MARKER = Pattern.compile("(?:较|較|比|相比|相较|相較|同比)\\s?$");
    private static final Pattern COMPANY = Pattern.compile("(?:^|[^\\p{IsHan}])?(?:公司|该公司|該公司)");
    private static final Pattern DOMESTIC = Pattern.compile("国产|國產|我国|我國");
    private static final String DOMESTIC_PLACE = "中国";
    /** 同比下降3%, 回落4.6个百分点: the change is a fall; 增速 before a fall word still reads as a fall. */
    private static final Pattern DECLINE = Pattern.compile("(?:下降|下滑|下跌|降低|减少|減少|回落|萎缩|萎縮|衰退|缩减|縮減|跌幅|降幅|负增长|負增長|年减|年減|季减|季減|月减|月減|下跌了|跌)[^增涨漲升，,；;]{0,8}$");
    private static final Pattern EXPLICIT_RENMINBI = Pattern.compile("人民币|人民幣|RMB|CNY|[¥￥]|元人民");
    private static final Pattern GOVERNMENT = Pattern.compile("政府$|州$|部$|委员会$|委員會$");
    private static final Pattern GLOSS = Pattern.compile("\\s?[（(]\\s?(?:截至|截止|至|到)?\\s?");
    private static final Pattern WORLDWIDE = Pattern.compile("全球|全世界|全球市场|全球市場|整体市场|整體市場");
    private static final Pattern MARKET = Pattern.compile("市场|市場|市占|市佔|份额|份額|占有率|佔有率|全球|行业|行業|产业|產業|所有|整个|整個");
    private static final Pattern OF_AFTER = Pattern.compile("^[^，,；;。]{0,6}?的\\s?$");

    private final QuantityFinder quantities = new QuantityFinder();
    private final Lexicon lexicon;
    private final Gazetteer gazetteer;
    private final Sources sources;

    FigureFinder(Lexicon lexicon, Gazetteer gazetteer) {
        this.lexicon = lexicon;
        this.gazetteer = gazetteer;
        this.sources = new Sources(gazetteer);
    }

    /** The figures of a sentence, and how many more it had beyond the limit asked for. */
    record Found(List<Figure> figures, int dropped) {
    }

    /**
     * At most {@code limit} figures of one sentence, the first ones; {@code topic} is the subject
     * the article was last talking about. Each figure looks over its sentence, so a sentence of
     * thousands of numbers must not make thousands of figures.
     */
    Found find(SentenceFacts facts, Topic topic, int limit) {
        List<Figure> figures = new ArrayList<>();
        String text = facts.text();
        Figure previous = null;
        List<Quantity> found = quantities.findAll(text);
        for (Quantity q : found.subList(0, Math.min(limit, found.size()))) {
            int clauseStart = facts.clauseStart(q.start());
            int clauseEnd = facts.clauseEnd(q.end());
            String before = text.substring(Math.max(0, q.start() - 6), q.start());
            Figure f;
            if (previous != null && isMoney(q.unit()) && isMoney(previous.unit()) && lexicon.hasConversionWord(before)) {
                f = figure(facts, q, previous.metric(), previous.subject(), previous.product(), previous.period(), topic.yuan());
            } else {
                String metric = metric(facts, q, clauseStart, clauseEnd, previous);
                Mention product = product(facts, q, clauseStart, clauseEnd);
                // 新品名为iPhone 11，…，售价699美元: a product named earlier in the sentence, when its clause names none
                Mention earlier = product == null ? productBefore(facts, q) : null;
                String subject = subject(facts, q, clauseStart, clauseEnd, product, topic);
                if (subject == null && earlier != null) {
                    subject = vendorOf(earlier, facts);
                }
                if ("funding".equals(metric)) {
                    subject = receiver(facts, q, subject, topic);
                }
                if ("revenue".equals(metric) && isMarketWide(facts, q, clauseStart, subject)) {
                    metric = "market_size";
                }
                Mention about = product != null ? product : earlier;
                String period = period(facts, q, clauseStart, topic.period(), topic.publishedYear());
                if (period == null && REPORTED.contains(metric)) {
                    // 期内收入22亿美元 in an article on 第二季度业绩: the period the results are for
                    period = topic.reportPeriod();
                }
                f = figure(facts, q, metric, subject, about == null ? null : about.name(), period, topic.yuan());
            }
            boolean change = "growth".equals(f.metric()) || PERCENTAGE_POINTS.matcher(q.text()).find();
            if (change && "percent".equals(f.unit()) && f.value() > 0 && declines(text, clauseStart, q)) {
                f = new Figure(f.metric(), -f.value(), f.valueMax() == null ? null : -f.valueMax(), f.unit(), f.qualifier(),
                        f.subject(), f.product(), f.period(), f.surface(), f.text(), f.start(), f.end(), f.currency());
            }
            figures.add(f);
            previous = f;
        }
        return new Found(figures, found.size() - figures.size());
    }

    /** Whether the words just before the figure in its clause say it fell (分别下降3%和0.7%: both fell). */
    private static boolean declines(String text, int clauseStart, Quantity q) {
        return DECLINE.matcher(text.substring(Math.max(clauseStart, q.start() - 12), q.start())).find();
    }

    private Figure figure(SentenceFacts facts, Quantity q, String metric, String subject, String product, String period,
                          String yuan) {
        int base = facts.sentence().start();
        String currency = q.currency();
        // 營收191.6億元 in Taiwanese news: a bare 元 is the article's own dollar
        if (yuan != null && "CNY".equals(currency) && !EXPLICIT_RENMINBI.matcher(q.text()).find()) {
            currency = yuan;
        }
        String unit = "CNY".equals(q.unit()) ? currency : q.unit();
        return new Figure(metric, q.value(), q.valueMax(), unit, q.qualifier(), subject, product, period,
                q.text(), facts.text(), base + q.start(), base + q.end(), currency);
    }

    private String metric(SentenceFacts facts, Quantity q, int clauseStart, int clauseEnd, Figure previous) {
        String metric = metricByWords(facts, q, clauseStart, clauseEnd, previous);
        String text = facts.text();
        // 季增0.9个百分点: a change of a ratio in points is not a rate of growth of anything
        if (PERCENTAGE_POINTS.matcher(q.text()).find()) {
            return "other";
        }
        String clauseHead = text.substring(clauseStart, q.start());
        // 占营业收入的15.85%: a share of the company's own revenue is its revenue mix, not a market
        if ("market_share".equals(metric) && OWN_REVENUE_SHARE.matcher(clauseHead).find()) {
            return "other";
        }
        // 高效能運算占比達57%: a share with no market in the sentence is a share of a mix (revenue by
        // application, an offering's tranches), not of a market
        if ("market_share".equals(metric) && !MARKET.matcher(text).find()) {
            return "other";
        }
        // 股价上涨5%: a share price or an index moving is not the company growing
        if ("growth".equals(metric) && STOCK_MOVE.matcher(clauseHead).find()) {
            return "other";
        }
        return metric;
    }

    private String metricByWords(SentenceFacts facts, Quantity q, int clauseStart, int clauseEnd, Figure previous) {
        String text = facts.text();
        // money in a currency outside the format's units (unit "other") is still money: 10亿英镑 can be revenue
        String unit = q.currency() != null ? q.currency() : q.unit();
        // the metric word nearest the number, looking back in its clause first, then just after it
        for (Lexicon.Hit h : lexicon.metricWords(text, q.start(), q.end())) {
            if (fits(h.label(), unit)) {
                return h.label();
            }
        }
        // 约占整个市场的35%: a percent that something takes up is a share
        if ("percent".equals(q.unit()) && SHARE.matcher(text.substring(clauseStart, q.start())).find()) {
            return "market_share";
        }
        List<Lexicon.Hit> back = lexicon.metricWords(text, clauseStart, q.start());
        List<Lexicon.Hit> after = lexicon.metricWords(text, q.end(), Math.min(clauseEnd, q.end() + 8));
        Lexicon.Hit best = null;
        for (Lexicon.Hit h : back) {
            if (fits(h.label(), unit)) {
                best = h;
            }
        }
        if (best == null) {
            for (Lexicon.Hit h : after) {
                if (fits(h.label(), unit)) {
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
            if (fits(sentence.get(i).label(), unit)) {
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
            if ("PRODUCT".equals(m.type()) && m.start() >= clauseStart && m.end() <= clauseEnd
                    && !inObjectPosition(facts, m)) {
                if (best == null || m.start() < q.start()) {
                    best = m;
                }
            }
        }
        return best;
    }

    /** The last product named before the figure in its sentence, unless as an object (比H20高). */
    private static Mention productBefore(SentenceFacts facts, Quantity q) {
        Mention last = null;
        for (Mention m : facts.mentions()) {
            if ("PRODUCT".equals(m.type()) && m.end() <= q.start() && !inObjectPosition(facts, m)) {
                last = m;
            }
        }
        return last;
    }

    private String subject(SentenceFacts facts, Quantity q, int clauseStart, int clauseEnd, Mention product, Topic topic) {
        String text = facts.text();
        Mention inClause = null;
        Mention inSentence = null;
        Mention lastBefore = null;
        for (Mention m : facts.mentions()) {
            if (!SUBJECT_TYPES.contains(m.type()) || m.start() >= q.start()) {
                continue;
            }
            if (isSource(m, text)) {
                continue;
            }
            lastBefore = m;
            if (OBJECT_MARKER.matcher(text.substring(Math.max(0, m.start() - 2), m.start())).find()) {
                continue;
            }
            // 中国GPU企业摩尔线程营收…: a place that qualifies a company is not the one with the figure
            if (m.start() >= clauseStart && (inClause == null || isPlaceBeforeCompany(inClause, m))) {
                inClause = m;
            }
            if (inSentence == null || isPlaceBeforeCompany(inSentence, m)) {
                inSentence = m;
            }
        }
        // 后者将购买…: the latter is the last party named before it
        int latter = text.lastIndexOf("后者", q.start());
        if (latter >= clauseStart && lastBefore != null && lastBefore.end() <= latter) {
            return lastBefore.name();
        }
        if (inClause != null) {
            return inClause.name();
        }
        String clauseHead = text.substring(clauseStart, q.start());
        // 公司正在洽谈的订单: "the company" is the one the article is about
        if (inSentence == null && COMPANY.matcher(clauseHead).find() && topic.organization() != null) {
            return topic.organization();
        }
        // 国产AI芯片约占35%: home-made means Chinese, unless a company is named (国产GPU第一股摩尔线程开盘650元)
        if (DOMESTIC.matcher(text.substring(0, q.start())).find() && (inSentence == null || !"ORG".equals(inSentence.type()))) {
            return DOMESTIC_PLACE;
        }
        // 拥有4.5万亿美元市值的英伟达: the owner follows the figure
        for (Mention m : facts.mentions()) {
            if (SUBJECT_TYPES.contains(m.type()) && m.start() >= q.end() && m.start() <= clauseEnd
                    && OF_AFTER.matcher(text.substring(q.end(), m.start())).find() && !isSource(m, text)) {
                return m.name();
            }
        }
        String vendor = product == null ? null : vendorOf(product, facts);
        if (vendor != null) {
            return vendor;
        }
        // a sentence without a name of its own is left unattributed: carrying the previous
        // sentence's subject over was measured to attribute more figures wrongly than rightly
        if (inSentence == null && topic.continuedSubject() != null) {
            return topic.continuedSubject();
        }
        if (inSentence == null && topic.product() != null
                && facts.mentions().stream().noneMatch(m -> "PRODUCT".equals(m.type()) && !inObjectPosition(facts, m))) {
            // a sentence that names nothing goes on about the product just named: its maker
            return gazetteer.byName(topic.product()).map(GazetteerEntry::vendor).orElse(null);
        }
        if (inSentence == null && topic.paragraphSubject() != null) {
            return topic.paragraphSubject();
        }
        if (inSentence == null) {
            // 毛利率约44.5%: a results figure no sentence attributes is the article's company's
            return topic.articleSubject();
        }
        return inSentence.name();
    }

    /**
     * Subsidies and grants are the receiver's funding, not the grantor's: 日本政府补助7320亿日元 to a
     * company the sentence or the article names. The receiver is the first company named after
     * the grantor in the sentence (政府将向美光提供61亿美元补贴), else the article's main company.
     */
    private String receiver(SentenceFacts facts, Quantity q, String subject, Topic topic) {
        Mention grantor = null;
        for (Mention m : facts.mentions()) {
            if (m.name().equals(subject) && m.start() < q.start()) {
                grantor = m;
            }
        }
        if (grantor == null || !isGovernment(grantor)) {
            return subject;
        }
        for (Mention m : facts.mentions()) {
            if ("ORG".equals(m.type()) && m.start() >= grantor.end() && !isGovernment(m)
                    && !isSource(m, facts.text())) {
                return m.name();
            }
        }
        return topic.articleSubject() != null ? topic.articleSubject() : subject;
    }

    /**
     * Sales of a region or of the whole world are a market's size, not a company's revenue:
     * 韩国的设备销售额达160亿美元, 全球半导体设备销售额达712亿美元 (when the clause names no company).
     */
    private static boolean isMarketWide(SentenceFacts facts, Quantity q, int clauseStart, String subject) {
        for (Mention m : facts.mentions()) {
            if (m.start() < q.start() && m.name().equals(subject)) {
                return "PLACE".equals(m.type());
            }
        }
        boolean companyInClause = facts.mentions().stream()
                .anyMatch(m -> "ORG".equals(m.type()) && m.start() >= clauseStart && m.start() < q.start());
        return !companyInClause && WORLDWIDE.matcher(facts.text().substring(clauseStart, q.start())).find();
    }

    /** A state, an agency, or any 政府 the gazetteer does not know (纽约州政府). */
    private boolean isGovernment(Mention m) {
        return sources.isGovernment(m) || GOVERNMENT.matcher(m.name()).find();
    }

    private static boolean isPlaceBeforeCompany(Mention chosen, Mention next) {
        return "PLACE".equals(chosen.type()) && "ORG".equals(next.type());
    }

    private boolean isSource(Mention m, String text) {
        return sources.isSource(m, text);
    }

    /** After 比, 向, 是… — also when its maker's name stands between: 比NVIDIA NVL72高. */
    private static boolean inObjectPosition(SentenceFacts facts, Mention m) {
        String text = facts.text();
        int start = m.start();
        for (Mention maker : facts.mentions()) {
            if ("ORG".equals(maker.type()) && maker.end() <= m.start() && m.start() - maker.end() <= 1) {
                start = maker.start();
            }
        }
        return OBJECT_MARKER.matcher(text.substring(Math.max(0, start - 2), start)).find();
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

    /**
     * The time of the figure: the nearest time expression before it in its sentence, one right
     * after it in its clause, else the time the previous sentence was about. A comparison base
     * (较2024年上半年) and a span (未来十年) are not the figure's time; 现在 after an older time
     * means the publication year.
     */
    private static String period(SentenceFacts facts, Quantity q, int clauseStart, String carried, int publishedYear) {
        String text = facts.text();
        Period best = null;
        for (Period p : facts.periods()) {
            if (p.endOffset() <= q.start() && usable(p, text) && !glosses(best, p, text)) {
                best = p;
            }
        }
        int nowAt = lastMatch(NOW, text, best == null ? 0 : best.endOffset(), q.start());
        if (nowAt >= 0) {
            return String.valueOf(publishedYear);
        }
        if (best != null) {
            return best.label();
        }
        for (Period p : facts.periods()) {
            if (p.startOffset() >= q.end() && p.startOffset() <= facts.clauseEnd(q.end()) && usable(p, text)) {
                return p.label();
            }
        }
        return carried;
    }

    /**
     * 2025财年第三季度(截至5月29日): a date in brackets right after a period says when that period
     * ended; the figure is still the period's.
     */
    static boolean glosses(Period before, Period p, String text) {
        return before != null && p.startOffset() >= before.endOffset()
                && GLOSS.matcher(text.substring(before.endOffset(), p.startOffset())).matches();
    }

    private static boolean usable(Period p, String text) {
        // 今日(14日)發表報告: the day something was announced is not the time its figures are about
        String after = text.substring(p.endOffset(), Math.min(text.length(), p.endOffset() + 8));
        if (DAY.matcher(p.label()).matches() && ANNOUNCED.matcher(after).find()) {
            return false;
        }
        return !SPAN.matcher(p.text()).find()
                && !BASE_MARKER.matcher(text.substring(Math.max(0, p.startOffset() - 2), p.startOffset())).find();
    }

    private static int lastMatch(Pattern pattern, String text, int from, int to) {
        java.util.regex.Matcher m = pattern.matcher(text);
        m.region(from, Math.max(from, to));
        int at = -1;
        while (m.find()) {
            at = m.start();
        }
        return at;
    }

    private static boolean isMoney(String unit) {
        return unit.length() == 3 && Character.isUpperCase(unit.charAt(0)) && Character.isUpperCase(unit.charAt(2));
    }
}
