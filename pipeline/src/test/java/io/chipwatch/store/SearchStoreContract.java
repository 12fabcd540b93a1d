package io.chipwatch.store;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link SearchStore} adapter must do, on invented news. A subclass says how to make
 * a fresh, empty store; the texts were checked against HanLP's segmentation with the shipped
 * gazetteer (长江存储, 英伟达 and 14纳米 are single words).
 */
public abstract class SearchStoreContract {

    // 23:50 in Beijing, written in UTC: the stored offset must come back as it was.
    static final OffsetDateTime MAY_10_LATE = OffsetDateTime.parse("2024-05-10T15:50:00Z");
    // 00:30 in Beijing, still May 10 in UTC: a China-day filter must put it on May 11.
    static final OffsetDateTime MAY_11_EARLY = OffsetDateTime.parse("2024-05-11T00:30:00+08:00");
    static final OffsetDateTime MAY_12 = OffsetDateTime.parse("2024-05-12T14:00:00.250+08:00");

    static final ArticleDoc CAMBRICON = new ArticleDoc("a1", "https://news.example.cn/a1", "寒武纪发布新一代云端训练芯片",
            MAY_10_LATE, "李明", "芯闻网", "zh",
            "寒武纪今日发布思元590芯片，公司表示2024年第一季度出货量达到10万片，营收同比增长30%。",
            List.of("寒武纪"), List.of("寒武纪", "Cambricon", "中科寒武纪"));
    static final FigureDoc CAMBRICON_SHIPMENTS = new FigureDoc("a1-f30", "a1", "shipments", 100_000, null, "pieces",
            null, "寒武纪", "思元590", "2024-Q1", MAY_10_LATE, "https://news.example.cn/a1", "寒武纪发布新一代云端训练芯片",
            "公司表示2024年第一季度出货量达到10万片");
    static final FigureDoc CAMBRICON_GROWTH = new FigureDoc("a1-f52", "a1", "revenue_growth", 30, null, "%",
            "同比", "寒武纪", null, "2024-Q1", MAY_10_LATE, "https://news.example.cn/a1", "寒武纪发布新一代云端训练芯片",
            "营收同比增长30%");
    static final EventDoc CAMBRICON_LAUNCH = new EventDoc("a1-e0", "a1", "product_launch", "寒武纪", "思元590", "2024-05-10",
            "announced", MAY_10_LATE, "https://news.example.cn/a1", "寒武纪发布新一代云端训练芯片", "寒武纪今日发布思元590芯片");

    static final ArticleDoc YMTC = new ArticleDoc("a2", "https://news.example.cn/a2", "长江存储在武汉扩产",
            MAY_11_EARLY, null, "存储观察", "zh", "长江存储宣布在武汉扩产，预计投资金额为200亿至300亿元。",
            List.of("长江存储"), List.of("长江存储", "YMTC", "Yangtze Memory"));
    static final FigureDoc YMTC_INVESTMENT = new FigureDoc("a2-f19", "a2", "investment", 2.0e10, 3.0e10, "CNY",
            "预计", "长江存储", null, null, MAY_11_EARLY, "https://news.example.cn/a2", "长江存储在武汉扩产",
            "预计投资金额为200亿至300亿元");
    static final EventDoc YMTC_EXPANSION = new EventDoc("a2-e0", "a2", "capacity_expansion", "长江存储", null, null,
            "planned", MAY_11_EARLY, "https://news.example.cn/a2", "长江存储在武汉扩产", "长江存储宣布在武汉扩产");

    static final ArticleDoc NVIDIA = new ArticleDoc("a3", null, "英伟达下调中国市场营收预期", MAY_12, null, null, "zh",
            "英伟达表示，受出口管制影响，其在中国市场的数据中心营收下降。",
            List.of("英伟达"), List.of("英伟达", "NVIDIA", "辉达"));
    static final EventDoc NVIDIA_EXPORT_CONTROL = new EventDoc("a3-e0", "a3", "export_control", "英伟达", null, null,
            null, MAY_12, null, "英伟达下调中国市场营收预期", "受出口管制影响，其在中国市场的数据中心营收下降");

    // No date: it sorts after every dated article.
    static final ArticleDoc SMIC = new ArticleDoc("a4", "https://news.example.cn/a4", "中芯国际14纳米工艺良率提升",
            null, null, "芯闻网", "zh", "中芯国际表示，14纳米工艺良率已提升至95%。", List.of("中芯国际"), List.of("中芯国际", "SMIC"));

    // Alerts as the index sink stores them; YMTC's is the newer (May 10, 16:30 UTC).
    static final AlertDoc CAMBRICON_ALERT = new AlertDoc("al-1", "NEW", 1, "ai-chip-launches", "寒武纪", "思元590",
            "product_launch", "2024-Q3", "寒武纪发布新一代云端训练芯片", "寒武纪今日发布思元590芯片",
            List.of("shipments 100000 pieces 2024-Q1"), List.of("https://news.example.cn/a1"),
            List.of("寒武纪发布新一代云端训练芯片"), MAY_10_LATE.toInstant(), List.of());
    static final AlertDoc YMTC_ALERT = new AlertDoc("al-2", "UPDATE", 2, "large-investments", "长江存储", null,
            "investment_deal", null, "长江存储扩产", "长江存储宣布在武汉扩产，预计投资金额为200亿至300亿元。",
            List.of("investment 20000000000-30000000000 CNY"), List.of("https://news.example.cn/a2", "https://m.example.cn/a2"),
            List.of("长江存储在武汉扩产"), MAY_11_EARLY.toInstant(), List.of("figures: investment 20000000000-30000000000 CNY"));

    protected SearchStore store;

    /** A new, empty store; closed after each test. */
    protected abstract SearchStore newStore();

    @BeforeEach
    void openStore() {
        store = newStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    void indexAll() {
        store.index(List.of(
                new Indexable.Article(CAMBRICON, List.of(CAMBRICON_SHIPMENTS, CAMBRICON_GROWTH), List.of(CAMBRICON_LAUNCH)),
                new Indexable.Article(YMTC, List.of(YMTC_INVESTMENT), List.of(YMTC_EXPANSION)),
                new Indexable.Article(NVIDIA, List.of(), List.of(NVIDIA_EXPORT_CONTROL)),
                new Indexable.Article(SMIC, List.of(), List.of())));
        store.refresh();
    }

    static SearchQuery articles(String text, String entity) {
        return new SearchQuery(SearchQuery.Kind.ARTICLES, text, entity, null, null, null, 10);
    }

    static SearchQuery figures(String entity, String metric) {
        return new SearchQuery(SearchQuery.Kind.FIGURES, null, entity, metric, null, null, 10);
    }

    static SearchQuery events(String text, String entity) {
        return new SearchQuery(SearchQuery.Kind.EVENTS, text, entity, null, null, null, 10);
    }

    static SearchQuery alerts(String text, String entity) {
        return new SearchQuery(SearchQuery.Kind.ALERTS, text, entity, null, null, null, 10);
    }

    void indexAlerts() {
        store.index(List.of(CAMBRICON_ALERT, YMTC_ALERT));
        store.refresh();
    }

    static SearchQuery publishedBetween(String from, String to) {
        return new SearchQuery(SearchQuery.Kind.ARTICLES, null, null, null,
                from == null ? null : LocalDate.parse(from), to == null ? null : LocalDate.parse(to), 10);
    }

    @Test
    void findsAnIndexedArticleByAChineseWordOfItsBody() {
        indexAll();

        SearchHits<ArticleDoc> found = store.articles(articles("武汉", null));

        assertThat(found.total()).isEqualTo(1);
        assertThat(found.hits()).containsExactly(YMTC);
    }

    @Test
    void articlesComeBackWithEveryFieldIncludingNulls() {
        indexAll();

        assertThat(store.articles(articles("数据中心", null)).hits()).containsExactly(NVIDIA);
        assertThat(store.articles(articles("云端", null)).hits()).containsExactly(CAMBRICON);
        assertThat(store.articles(articles("良率", null)).hits()).containsExactly(SMIC);
    }

    @Test
    void allWordsOfTheTextMustOccur() {
        indexAll();

        assertThat(store.articles(articles("寒武纪 芯片", null)).hits()).containsExactly(CAMBRICON);
        assertThat(store.articles(articles("寒武纪 武汉", null)).total()).isZero();
    }

    @Test
    void matchesWholeWordsNotPartsOfWords() {
        indexAll();

        // 长江存储, 英伟达 and 14纳米 are words of their own: their parts are no hits.
        assertThat(store.articles(articles("长江", null)).total()).isZero();
        assertThat(store.articles(articles("伟达", null)).total()).isZero();
        assertThat(store.articles(articles("纳米", null)).total()).isZero();
        assertThat(store.articles(articles("长江存储", null)).hits()).containsExactly(YMTC);
        assertThat(store.articles(articles("英伟达", null)).hits()).containsExactly(NVIDIA);
    }

    @Test
    void latinTextIsMatchedWithoutRegardToCase() {
        indexAll();

        assertThat(store.articles(articles("nvidia", null)).hits()).containsExactly(NVIDIA);
        assertThat(store.articles(articles("Cambricon", null)).hits()).containsExactly(CAMBRICON);
    }

    @Test
    void filtersArticlesByEntityCanonicalNameOrAlias() {
        indexAll();

        assertThat(store.articles(articles(null, "英伟达")).hits()).containsExactly(NVIDIA);
        assertThat(store.articles(articles(null, "NVIDIA")).hits()).containsExactly(NVIDIA);
        assertThat(store.articles(articles(null, "ymtc")).hits()).containsExactly(YMTC);
        assertThat(store.articles(articles("营收", "寒武纪")).hits()).containsExactly(CAMBRICON);
        assertThat(store.articles(articles(null, "台积电")).total()).isZero();
    }

    @Test
    void findsFiguresByMetricAndSubjectWithTheirValuesExact() {
        indexAll();

        assertThat(store.figures(figures(null, "investment")).hits()).containsExactly(YMTC_INVESTMENT);
        assertThat(store.figures(figures("寒武纪", "shipments")).hits()).containsExactly(CAMBRICON_SHIPMENTS);
        assertThat(store.figures(figures("Yangtze Memory", null)).hits()).containsExactly(YMTC_INVESTMENT);
        assertThat(store.figures(figures("寒武纪", null)).hits())
                .containsExactlyInAnyOrder(CAMBRICON_SHIPMENTS, CAMBRICON_GROWTH);
        assertThat(store.figures(figures("英伟达", null)).total()).isZero();
    }

    @Test
    void findsEventsByOrg() {
        indexAll();

        assertThat(store.events(events(null, "英伟达")).hits()).containsExactly(NVIDIA_EXPORT_CONTROL);
        assertThat(store.events(events(null, "Cambricon")).hits()).containsExactly(CAMBRICON_LAUNCH);
        assertThat(store.events(events("扩产", null)).hits()).containsExactly(YMTC_EXPANSION);
    }

    @Test
    void dateRangeTakesWholeChinaDaysAtBothEnds() {
        indexAll();

        assertThat(store.articles(publishedBetween("2024-05-10", "2024-05-10")).hits()).containsExactly(CAMBRICON);
        assertThat(store.articles(publishedBetween("2024-05-11", "2024-05-11")).hits()).containsExactly(YMTC);
        assertThat(store.articles(publishedBetween("2024-05-10", "2024-05-11")).hits()).containsExactly(YMTC, CAMBRICON);
        assertThat(store.articles(publishedBetween("2024-05-11", null)).hits()).containsExactly(NVIDIA, YMTC);
        assertThat(store.articles(publishedBetween(null, "2024-05-09")).total()).isZero();
        assertThat(store.figures(new SearchQuery(SearchQuery.Kind.FIGURES, null, null, null,
                LocalDate.parse("2024-05-11"), LocalDate.parse("2024-05-12"), 10)).hits()).containsExactly(YMTC_INVESTMENT);
    }

    @Test
    void withoutTextNewestComeFirstAndUndatedLast() {
        indexAll();

        assertThat(store.articles(articles(null, null)).hits()).containsExactly(NVIDIA, YMTC, CAMBRICON, SMIC);
    }

    @Test
    void limitCutsTheHitsButTotalCountsThemAll() {
        indexAll();

        SearchHits<ArticleDoc> newestTwo = store.articles(new SearchQuery(SearchQuery.Kind.ARTICLES, null, null, null, null, null, 2));
        SearchHits<ArticleDoc> bestOne = store.articles(new SearchQuery(SearchQuery.Kind.ARTICLES, "芯片", null, null, null, null, 1));

        assertThat(newestTwo.total()).isEqualTo(4);
        assertThat(newestTwo.hits()).containsExactly(NVIDIA, YMTC);
        assertThat(bestOne.total()).isEqualTo(1);
        assertThat(bestOne.hits()).containsExactly(CAMBRICON);
        assertThat(store.articles(new SearchQuery(SearchQuery.Kind.ARTICLES, "营收", null, null, null, null, 1)).total()).isEqualTo(2);
    }

    @Test
    void indexingAnArticleAgainReplacesItAndItsFiguresAndEvents() {
        indexAll();
        ArticleDoc revised = new ArticleDoc(CAMBRICON.id(), CAMBRICON.url(), "寒武纪更新训练芯片路线图", CAMBRICON.published(),
                CAMBRICON.author(), CAMBRICON.source(), CAMBRICON.lang(), "寒武纪公布新的产品路线图，思元590出货量达到12万片。",
                CAMBRICON.entities(), CAMBRICON.aliases());
        FigureDoc revisedShipments = new FigureDoc(CAMBRICON_SHIPMENTS.id(), "a1", "shipments", 120_000, null, "pieces",
                null, "寒武纪", "思元590", null, MAY_10_LATE, CAMBRICON.url(), revised.title(), "思元590出货量达到12万片");

        store.index(List.of(new Indexable.Article(revised, List.of(revisedShipments), List.of())));
        store.refresh();

        assertThat(store.articles(articles(null, null)).total()).isEqualTo(4);
        assertThat(store.articles(articles(null, "寒武纪")).hits()).containsExactly(revised);
        assertThat(store.articles(articles("云端", null)).total()).isZero();
        assertThat(store.articles(articles("路线图", null)).hits()).containsExactly(revised);
        assertThat(store.figures(figures("寒武纪", null)).hits()).containsExactly(revisedShipments);
        assertThat(store.figures(figures(null, null)).total()).isEqualTo(2);
        assertThat(store.events(events(null, "寒武纪")).total()).isZero();
        assertThat(store.events(events(null, null)).total()).isEqualTo(2);
    }

    @Test
    void findsAlertsByAWordOfTheirHeadlineOrSentenceWithEveryFieldBack() {
        indexAlerts();

        assertThat(store.alerts(alerts("云端", null)).hits()).containsExactly(CAMBRICON_ALERT);
        assertThat(store.alerts(alerts("武汉", null)).hits()).containsExactly(YMTC_ALERT);
        assertThat(store.alerts(alerts("Cambricon", null)).hits()).containsExactly(CAMBRICON_ALERT);
        assertThat(store.alerts(alerts("台积电", null)).total()).isZero();
    }

    @Test
    void filtersAlertsByOrgOrProductUnderAnyAlias() {
        indexAlerts();

        assertThat(store.alerts(alerts(null, "寒武纪")).hits()).containsExactly(CAMBRICON_ALERT);
        assertThat(store.alerts(alerts(null, "思元590")).hits()).containsExactly(CAMBRICON_ALERT);
        assertThat(store.alerts(alerts(null, "Yangtze Memory")).hits()).containsExactly(YMTC_ALERT);
        assertThat(store.alerts(alerts("扩产", "长江存储")).hits()).containsExactly(YMTC_ALERT);
        assertThat(store.alerts(alerts(null, "英伟达")).total()).isZero();
    }

    @Test
    void alertsComeNewestFirstAndFilterByTheChinaDayTheyWereCreated() {
        indexAlerts();

        assertThat(store.alerts(alerts(null, null)).hits()).containsExactly(YMTC_ALERT, CAMBRICON_ALERT);
        assertThat(store.alerts(new SearchQuery(SearchQuery.Kind.ALERTS, null, null, null,
                LocalDate.parse("2024-05-11"), null, 10)).hits()).containsExactly(YMTC_ALERT);
        assertThat(store.alerts(new SearchQuery(SearchQuery.Kind.ALERTS, null, null, null,
                null, LocalDate.parse("2024-05-10"), 10)).hits()).containsExactly(CAMBRICON_ALERT);
    }

    @Test
    void indexingAnAlertAgainReplacesItByItsId() {
        indexAlerts();
        AlertDoc revised = new AlertDoc(CAMBRICON_ALERT.id(), "NEW", 1, CAMBRICON_ALERT.rule(), "寒武纪", "思元590",
                "product_launch", "2024-Q4", "寒武纪更新训练芯片路线图", CAMBRICON_ALERT.sentence(), List.of(),
                CAMBRICON_ALERT.sourceUrls(), CAMBRICON_ALERT.sourceTitles(), CAMBRICON_ALERT.created(), List.of());

        store.index(List.of(CAMBRICON_ALERT));
        store.index(List.of(revised));
        store.refresh();

        assertThat(store.alerts(alerts(null, null)).total()).isEqualTo(2);
        assertThat(store.alerts(alerts(null, "寒武纪")).hits()).containsExactly(revised);
        assertThat(store.alerts(alerts("云端", null)).total()).isZero();
    }

    @Test
    void articlesAndAlertsMayBeIndexedInOneBatchAndStayApart() {
        store.index(List.of(new Indexable.Article(YMTC, List.of(YMTC_INVESTMENT), List.of(YMTC_EXPANSION)), YMTC_ALERT));
        store.refresh();

        assertThat(store.articles(articles("武汉", null)).hits()).containsExactly(YMTC);
        assertThat(store.events(events(null, null)).hits()).containsExactly(YMTC_EXPANSION);
        assertThat(store.alerts(alerts("武汉", null)).hits()).containsExactly(YMTC_ALERT);
    }

    @Test
    void anEmptyStoreFindsNothing() {
        store.refresh();

        assertThat(store.articles(articles(null, null))).isEqualTo(new SearchHits<ArticleDoc>(0, List.of()));
        assertThat(store.figures(figures(null, null))).isEqualTo(new SearchHits<FigureDoc>(0, List.of()));
        assertThat(store.events(events("寒武纪", null))).isEqualTo(new SearchHits<EventDoc>(0, List.of()));
        assertThat(store.alerts(alerts(null, null))).isEqualTo(new SearchHits<AlertDoc>(0, List.of()));
    }

    static SearchQuery where(SearchQuery.Kind kind, String query) {
        return new SearchQuery(kind, null, null, null, null, null, 10).withWhere(QuerySyntax.parse(query, kind));
    }

    static List<String> ids(SearchHits<ArticleDoc> hits) {
        return hits.hits().stream().map(ArticleDoc::id).toList();
    }

    @Test
    void orFindsArticlesWithEitherWordAndAndNeedsBoth() {
        indexAll();

        assertThat(ids(store.articles(where(SearchQuery.Kind.ARTICLES, "寒武纪 OR 长江存储")))).containsExactlyInAnyOrder("a1", "a2");
        assertThat(ids(store.articles(where(SearchQuery.Kind.ARTICLES, "寒武纪 AND 长江存储")))).isEmpty();
        assertThat(ids(store.articles(where(SearchQuery.Kind.ARTICLES, "(寒武纪 OR 长江存储) 武汉")))).containsExactly("a2");
    }

    @Test
    void notAndMinusExcludeArticles() {
        indexAll();

        assertThat(ids(store.articles(where(SearchQuery.Kind.ARTICLES, "营收")))).containsExactlyInAnyOrder("a1", "a3");
        assertThat(ids(store.articles(where(SearchQuery.Kind.ARTICLES, "营收 NOT 英伟达")))).containsExactly("a1");
        assertThat(ids(store.articles(where(SearchQuery.Kind.ARTICLES, "营收 -NVIDIA")))).containsExactly("a1");
    }

    @Test
    void aPhraseNeedsItsWordsNextToEachOtherInOrder() {
        indexAll();

        assertThat(ids(store.articles(where(SearchQuery.Kind.ARTICLES, "\"数据中心营收\"")))).containsExactly("a3");
        assertThat(ids(store.articles(where(SearchQuery.Kind.ARTICLES, "营收数据中心")))).containsExactly("a3");
        assertThat(ids(store.articles(where(SearchQuery.Kind.ARTICLES, "\"营收数据中心\"")))).isEmpty();
    }

    @Test
    void entityAndSourceFieldsFilterArticles() {
        indexAll();

        assertThat(ids(store.articles(where(SearchQuery.Kind.ARTICLES, "entity:NVIDIA")))).containsExactly("a3");
        assertThat(ids(store.articles(where(SearchQuery.Kind.ARTICLES, "source:芯闻网")))).containsExactly("a1", "a4");
        assertThat(ids(store.articles(where(SearchQuery.Kind.ARTICLES, "source:芯闻网 -entity:中芯国际")))).containsExactly("a1");
    }

    @Test
    void pagesFollowEachOtherWithoutOverlapAndKeepTheTotal() {
        indexAll();
        SearchQuery all = new SearchQuery(SearchQuery.Kind.ARTICLES, null, null, null, null, null, 2);

        SearchHits<ArticleDoc> first = store.articles(all);
        SearchHits<ArticleDoc> second = store.articles(all.withPage(2, 2));
        SearchHits<ArticleDoc> beyond = store.articles(all.withPage(4, 2));

        assertThat(ids(first)).containsExactly("a3", "a2");
        assertThat(ids(second)).containsExactly("a1", "a4");
        assertThat(beyond.hits()).isEmpty();
        assertThat(List.of(first.total(), second.total(), beyond.total())).containsOnly(4L);
    }

    @Test
    void facetsCountMatchingArticlesBySourceAndEntityAndTheirEventsByType() {
        indexAll();

        Map<String, List<SearchHits.FacetCount>> all = store.articles(
                new SearchQuery(SearchQuery.Kind.ARTICLES, null, null, null, null, null, 1).withFacets()).facets();
        assertThat(all.get(SearchHits.SOURCE)).containsExactly(new SearchHits.FacetCount("芯闻网", 2), new SearchHits.FacetCount("存储观察", 1));
        assertThat(all.get(SearchHits.ENTITY)).extracting(SearchHits.FacetCount::value)
                .containsExactlyInAnyOrder("寒武纪", "长江存储", "英伟达", "中芯国际");
        assertThat(all.get(SearchHits.TYPE)).extracting(SearchHits.FacetCount::value)
                .containsExactlyInAnyOrder("product_launch", "capacity_expansion", "export_control");

        Map<String, List<SearchHits.FacetCount>> some = store.articles(where(SearchQuery.Kind.ARTICLES, "source:芯闻网").withFacets()).facets();
        assertThat(some.get(SearchHits.ENTITY)).containsExactly(new SearchHits.FacetCount("中芯国际", 1), new SearchHits.FacetCount("寒武纪", 1));
        assertThat(some.get(SearchHits.TYPE)).containsExactly(new SearchHits.FacetCount("product_launch", 1));
        assertThat(store.articles(articles("武汉", null)).facets()).isEmpty();
    }

    @Test
    void figuresFilterByProductAndByAPeriodAndWhatLiesWithinIt() {
        indexAll();

        assertThat(store.figures(where(SearchQuery.Kind.FIGURES, "product:思元590")).hits()).containsExactly(CAMBRICON_SHIPMENTS);
        assertThat(store.figures(where(SearchQuery.Kind.FIGURES, "period:2024")).hits())
                .containsExactlyInAnyOrder(CAMBRICON_SHIPMENTS, CAMBRICON_GROWTH);
        assertThat(store.figures(where(SearchQuery.Kind.FIGURES, "period:2024-Q1 metric:shipments")).hits()).containsExactly(CAMBRICON_SHIPMENTS);
        assertThat(store.figures(where(SearchQuery.Kind.FIGURES, "period:2024-Q2")).hits()).isEmpty();
        assertThat(store.figures(where(SearchQuery.Kind.FIGURES, "subject:Cambricon -metric:shipments")).hits()).containsExactly(CAMBRICON_GROWTH);
    }

    @Test
    void eventsFilterByTypeAndOrgUnderAnyAlias() {
        indexAll();

        assertThat(store.events(where(SearchQuery.Kind.EVENTS, "type:capacity_expansion OR type:export_control")).hits())
                .containsExactlyInAnyOrder(YMTC_EXPANSION, NVIDIA_EXPORT_CONTROL);
        assertThat(store.events(where(SearchQuery.Kind.EVENTS, "org:NVIDIA")).hits()).containsExactly(NVIDIA_EXPORT_CONTROL);
        assertThat(store.events(where(SearchQuery.Kind.EVENTS, "type:product_launch 思元590")).hits()).containsExactly(CAMBRICON_LAUNCH);
    }
}
