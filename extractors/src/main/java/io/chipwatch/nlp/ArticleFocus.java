package io.chipwatch.nlp;

import io.chipwatch.model.Mention;
import io.chipwatch.time.Period;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a whole article is about, read once before its figures are attributed: the company it
 * keeps naming and, for a results article, the reporting period it names once in its lead
 * (公布第三季財報) and leaves implicit afterwards (期內收入…, 毛利率…). Thread-safe.
 */
final class ArticleFocus {

    /** A quarter, a half year or a fiscal quarter: the periods results are reported for. */
    private static final Pattern REPORT_LABEL = Pattern.compile("(?:FY)?\\d{4}-[QH][1-4]");
    /** Words that make a sentence naming such a period the announcement of results for it. */
    private static final Pattern RESULTS = Pattern.compile(
            "财报|財報|业绩|業績|季报|季報|半年报|半年報|财季|財季|法说|法說|营收|營收|收入|净利|淨利|纯益|純益|利润|利潤|盈利|营业额|營業額");
    /** Guidance names the next period, not the one reported on. */
    private static final Pattern OUTLOOK = Pattern.compile("预计|預計|预期|預期|展望|指引|预估|預估|有望|将达|將達");

    /**
     * The share of the article's organisation mentions its main company must have: measured on the
     * dev corpus's tune split, single-company articles reach it and industry round-ups stay below.
     */
    private static final double MAIN_SHARE = 0.4;

    private final Sources sources;

    ArticleFocus(Sources sources) {
        this.sources = sources;
    }

    /**
     * The article's main subject and reporting period, and the currency its bare 元 means when
     * that is not the renminbi ({@link ArticleYuan}); each may be null.
     */
    record Focus(String subject, String reportPeriod, String yuan) {
    }

    /**
     * @param body      the analysed body
     * @param mentions  the body's mentions, offsets into {@code body}
     * @param sentences per sentence in reading order, its text and its time expressions
     */
    Focus of(String body, List<Mention> mentions, List<SentenceFacts> sentences) {
        String company = mainCompany(body, mentions);
        // a results article reports one company's results; a round-up's quarters are its sources'
        return new Focus(company, company == null ? null : reportPeriod(sentences), ArticleYuan.of(body));
    }

    /**
     * The organisation named most often (the first named of equals) when it takes a good share of
     * all organisation mentions, leaving out outlets, analysts and quoted sources, and
     * governments, which grant and rule rather than report.
     * 英伟达…其客户…英伟达…数据中心业务收入623亿美元: the company the article keeps naming is who a
     * figure with no name of its own is about.
     */
    private String mainCompany(String body, List<Mention> mentions) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        int all = 0;
        for (Mention m : mentions) {
            if ("ORG".equals(m.type()) && !sources.isSource(m, body)) {
                all++;
                if (!sources.isGovernment(m)) {
                    counts.merge(m.name(), 1, Integer::sum);
                }
            }
        }
        String best = null;
        int most = 0;
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() > most) {
                best = e.getKey();
                most = e.getValue();
            }
        }
        // an industry survey naming many companies about equally is about none of them
        return most >= MAIN_SHARE * all ? best : null;
    }

    /**
     * The first quarter or half year named in a sentence about results (第三季财报, 2025财年第三季度营收):
     * the period the article's results figures are for when their sentence names none.
     */
    private static String reportPeriod(List<SentenceFacts> sentences) {
        for (SentenceFacts s : sentences) {
            if (!RESULTS.matcher(s.text()).find() || OUTLOOK.matcher(s.text()).find()) {
                continue;
            }
            for (Period p : s.periods()) {
                if (REPORT_LABEL.matcher(p.label()).matches()) {
                    return p.label();
                }
            }
        }
        return null;
    }
}
