package io.chipwatch.crawl;

import io.chipwatch.crawl.TestSite.Reply;
import io.chipwatch.html.ArticleExtractor;
import io.chipwatch.model.Article;
import io.chipwatch.model.RawPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** Whole source runs through {@link Crawler} against a real HTTP site on loopback. */
class SourceCrawlerTest {

    private static final String HTML = "text/html; charset=utf-8";
    private static final String RSS = "application/rss+xml; charset=utf-8";
    private static final Charset GBK = Charset.forName("GBK");

    private static final String UTF8_TITLE = "中芯国际第三季度营收创新高 成熟制程订单饱满";
    private static final String GBK_TITLE = "长江存储二期工厂投产 三维闪存产能翻番";
    private static final String LIST_TITLE = "国产刻蚀设备首次进入五纳米产线";
    private static final String SITEMAP_TITLE = "半导体材料企业加码电子特气项目";

    /** The repost test's story, about 650 characters, written for this test. */
    private static final List<String> STORY = List.of(
            "据华芯微电子今日发布的公告，公司位于江苏无锡的十二英寸晶圆厂二期工程已于本月完成主体厂房封顶，预计明年第三季度开始设备搬入，"
                    + "二〇二七年上半年实现量产。该项目总投资约一百八十亿元，规划月产能四万片，主要面向二十八纳米至四十纳米的成熟制程，"
                    + "产品涵盖电源管理芯片、显示驱动芯片以及车规级微控制器。",
            "公司董事长在封顶仪式上表示，过去两年成熟制程的需求经历了明显的起伏，消费电子市场疲软一度拖累产能利用率，"
                    + "但汽车电子、工业控制和光伏逆变器等领域的订单增长稳定，使得一期工厂的利用率在今年二季度重新回到百分之九十以上。"
                    + "他认为，成熟制程并不意味着低端，在特色工艺上持续投入，才能与国际同行形成差异化竞争。",
            "在设备方面，华芯微电子透露，二期工程的刻蚀、薄膜沉积和清洗设备将优先采购国内供应商的产品，国产设备占比有望超过百分之五十；"
                    + "光刻环节仍以进口的深紫外光刻机为主，公司已与供应商签订了长期维护协议，以降低出口管制政策变化带来的不确定性。",
            "业内分析人士指出，今年以来国内多家晶圆代工企业相继宣布扩产计划，新增产能主要集中在成熟制程，市场对未来价格竞争加剧的担忧有所上升。"
                    + "不过也有观点认为，随着新能源汽车和人工智能终端的普及，单车和单机的半导体用量仍在快速增长，新增产能的消化压力总体可控。",
            "华芯微电子同时披露，公司前三季度实现营业收入六十二亿元，同比增长百分之十八；归属于上市公司股东的净利润为七亿四千万元，"
                    + "同比增长百分之十一。研发投入占营收的比重提升至百分之十二，主要用于高压工艺平台和嵌入式存储工艺的开发。");

    @TempDir
    Path dir;

    private TestSite site;
    private final List<RawPage> sunk = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws IOException {
        site = TestSite.start();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    // --- the first run

    @Test
    void aFirstRunTakesTheRightArticlesOnceAndKeepsToRobotsAndItsCrawlDelay() throws Exception {
        serveNewsSite("User-agent: *\nDisallow: /private/\nCrawl-delay: 1\n");
        SourcesFile sources = sources(true);

        SourceReport report;
        try (Crawler crawler = new Crawler(sources, dir.resolve("data"), collect())) {
            report = crawler.run(source(sources));
        }

        assertThat(sunkPaths()).containsExactlyInAnyOrder("/news/101.html", "/news/102.html", "/news/106.html", "/news/107.html");
        assertThat(report.fetched()).isEqualTo(4);
        // discovered from feed (5), list pages (106 new) and sitemap (107 new); the rest repeat the feed
        assertThat(report.discovered()).isEqualTo(7);
        for (String path : List.of("/news/101.html", "/news/102.html", "/news/106.html", "/news/107.html")) {
            assertThat(site.requestsTo(path)).as(path).hasSize(1);
        }

        RawPage gbk = sunk("/news/102.html");
        Article gbkArticle = ArticleExtractor.withDefaults().extract(gbk);
        assertThat(gbkArticle.title()).contains(GBK_TITLE);
        assertThat(gbkArticle.body()).contains("三维闪存");
        assertThat(ArticleExtractor.withDefaults().extract(sunk("/news/101.html")).title()).contains(UTF8_TITLE);

        assertThat(report.disallowed()).isEqualTo(1);
        assertThat(site.requests()).noneMatch(r -> r.path().startsWith("/private/"));

        assertThat(report.offTopic()).isEqualTo(1);
        assertThat(site.requestsTo("/news/104.html")).as("a teaser is not judged; the page is fetched to read its text").hasSize(1);

        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains("/go/105").contains("10.1.2.3"));
        assertThat(site.requestsTo("/go/105")).hasSize(1);

        assertThat(site.requestsTo("/list")).hasSize(1);
        assertThat(site.requestsTo("/list/2")).hasSize(1);
        assertThat(site.requestsTo("/sitemap.xml")).hasSize(1);

        List<TestSite.Request> requests = site.requests();
        assertThat(requests.get(0).path()).isEqualTo("/robots.txt");
        assertThat(requests).hasSize(11);
        for (int i = 1; i < requests.size(); i++) {
            long gapMillis = (requests.get(i).arrivedNanos() - requests.get(i - 1).arrivedNanos()) / 1_000_000;
            assertThat(gapMillis).as("gap before %s", requests.get(i).path()).isGreaterThanOrEqualTo(1000);
        }
        assertThat(requests).allSatisfy(r -> assertThat(r.header("User-Agent")).startsWith("chipwatch/0.1"));
    }

    // --- later runs

    @Test
    void aSecondRunAndARestartedCrawlerFetchNothingAgain() throws Exception {
        serveNewsSite("User-agent: *\nDisallow: /private/\n");
        SourcesFile sources = sources(true);
        Path data = dir.resolve("data");

        try (Crawler crawler = new Crawler(sources, data, collect())) {
            SourceReport first = crawler.run(source(sources));
            assertThat(first.fetched()).isEqualTo(4);

            SourceReport second = crawler.run(source(sources));

            assertThat(second.fetched()).isZero();
            assertThat(second.alreadySeen()).isEqualTo(first.fetched());
            assertThat(second.notModified()).isGreaterThanOrEqualTo(1);
            assertThat(site.requestsTo("/feed.xml")).hasSize(2);
            assertThat(site.requestsTo("/feed.xml").get(1).header("If-None-Match")).isEqualTo("\"feed-v1\"");
        }
        assertThat(sunk).hasSize(4);

        try (Crawler restarted = new Crawler(sources, data, collect())) {
            SourceReport third = restarted.run(source(sources));

            assertThat(third.fetched()).isZero();
            assertThat(third.alreadySeen()).isEqualTo(4);
            assertThat(third.notModified()).as("the feed's ETag survived the restart").isGreaterThanOrEqualTo(1);
        }
        assertThat(sunk).hasSize(4);
        for (String path : List.of("/news/101.html", "/news/102.html", "/news/106.html", "/news/107.html")) {
            assertThat(site.requestsTo(path)).as(path).hasSize(1);
        }
    }

    @Test
    void aRepostUnderANewUrlIsCountedAsADuplicateAndNotSentOn() throws Exception {
        site.robots("User-agent: *\nAllow: /\n");
        site.respond("/feed.xml", Reply.ok(RSS, feedOf(new NewsPages.Item("/news/201.html", "华芯微电子无锡晶圆厂二期封顶", null)))
                .validators("\"v1\"", null));
        List<String> original = new ArrayList<>();
        original.add("芯闻速递讯（记者 王蕾）");
        original.addAll(STORY);
        original.add("（责任编辑：张晓）");
        site.page("/news/201.html", HTML, NewsPages.article("utf-8", "华芯微电子无锡十二英寸晶圆厂二期封顶", original.toArray(String[]::new)));

        List<String> repost = new ArrayList<>();
        repost.add("本文转载自芯视界公众号，作者：李明，原标题为《无锡晶圆厂二期封顶》，如有侵权请联系删除。");
        for (String p : STORY) {
            repost.add(p.replace("本月", "近日").replace("明显的起伏", "显著的起伏"));
        }
        repost.add("免责声明：本文仅代表作者观点，不构成任何投资建议。");
        site.page("/repost/9001.html", HTML, NewsPages.article("utf-8", "无锡又一座十二英寸晶圆厂封顶", repost.toArray(String[]::new)));

        SourcesFile sources = sources(false);
        try (Crawler crawler = new Crawler(sources, dir.resolve("data"), collect())) {
            assertThat(crawler.run(source(sources)).fetched()).isEqualTo(1);

            site.respond("/feed.xml", Reply.ok(RSS, feedOf(
                            new NewsPages.Item("/repost/9001.html", "无锡又一座十二英寸晶圆厂封顶", null),
                            new NewsPages.Item("/news/201.html", "华芯微电子无锡晶圆厂二期封顶", null)))
                    .validators("\"v2\"", null));

            SourceReport second = crawler.run(source(sources));

            assertThat(second.duplicates()).isEqualTo(1);
            assertThat(second.fetched()).isZero();
            assertThat(second.alreadySeen()).isEqualTo(1);
            assertThat(site.requestsTo("/repost/9001.html")).hasSize(1);
            assertThat(sunkPaths()).containsExactly("/news/201.html");

            UrlCanonicalizer canonicalizer = new UrlCanonicalizer();
            String repostUrl = canonicalizer.canonicalize(site.url("/repost/9001.html").toString());
            String firstUrl = canonicalizer.canonicalize(site.url("/news/201.html").toString());
            assertThat(crawler.state().duplicateOf(repostUrl)).contains(firstUrl);
            assertThat(crawler.state().isSeen(repostUrl)).isTrue();

            // a third run neither fetches the repost again nor counts it twice
            site.respond("/feed.xml", Reply.ok(RSS, feedOf(
                            new NewsPages.Item("/repost/9001.html", "无锡又一座十二英寸晶圆厂封顶", null),
                            new NewsPages.Item("/news/201.html", "华芯微电子无锡晶圆厂二期封顶", null)))
                    .validators("\"v3\"", null));
            SourceReport third = crawler.run(source(sources));
            assertThat(third.duplicates()).isZero();
            assertThat(third.alreadySeen()).isEqualTo(2);
            assertThat(site.requestsTo("/repost/9001.html")).hasSize(1);
        }
    }

    @Test
    void anOffTopicArticleFetchedForItsTextIsDroppedAndRemembered() throws Exception {
        site.respond("/feed.xml", Reply.ok(RSS, feedOf(
                // no description: the listing cannot tell, the page has to be read
                new NewsPages.Item("/news/401.html", "新机发布会前瞻", null),
                new NewsPages.Item("/news/402.html", "台灣晶圓代工廠擴產", null))));
        site.page("/news/401.html", HTML, NewsPages.article("utf-8", "新机发布会前瞻",
                "这款新手机的主摄升级为一英寸大底传感器，配合新的长焦镜头，夜景和人像拍摄的表现都有明显提升。",
                "厂商还表示，新机的屏幕亮度和续航也有改进，售价与上一代持平，预计下月正式开售。"));
        site.page("/news/402.html", HTML, NewsPages.article("utf-8", "台灣晶圓代工廠擴產",
                "台灣一家晶圓代工廠宣佈擴大成熟製程產能，新廠預計明年投產，主要生產電源管理與顯示驅動晶片。",
                "公司表示，車用與工業客戶的需求穩定，擴產有助於滿足長期訂單。"));
        SourcesFile sources = sources(false);

        try (Crawler crawler = new Crawler(sources, dir.resolve("data"), collect())) {
            SourceReport first = crawler.run(source(sources));

            assertThat(first.offTopic()).isEqualTo(1);
            assertThat(first.fetched()).as("Traditional 晶圓 matches the keyword 晶圆").isEqualTo(1);
            assertThat(sunkPaths()).containsExactly("/news/402.html");
            assertThat(site.requestsTo("/news/401.html")).hasSize(1);

            SourceReport second = crawler.run(source(sources));
            assertThat(second.alreadySeen()).isEqualTo(2);
            assertThat(site.requestsTo("/news/401.html")).hasSize(1);
        }
    }

    @Test
    void aFullTextFeedItemOffTopicIsNotFetchedButATeaserIs() throws Exception {
        String fullText = String.join("", java.util.Collections.nCopies(8,
                "这款新手机的主摄升级为一英寸大底传感器，配合新的长焦镜头，夜景和人像拍摄的表现都有明显提升。"));
        site.page("/feed.xml", RSS, feedOf(
                new NewsPages.Item("/news/601.html", "新机影像评测", fullText),
                new NewsPages.Item("/news/602.html", "新机发布会前瞻", "屏幕与续航都有改进。")));
        site.page("/news/601.html", HTML, NewsPages.article("utf-8", "新机影像评测", fullText));
        site.page("/news/602.html", HTML, NewsPages.article("utf-8", "新机发布会前瞻",
                "屏幕与续航都有改进。", "据悉，新机搭载自研的影像芯片，由台积电代工生产。"));
        SourcesFile sources = sources(false);

        try (Crawler crawler = new Crawler(sources, dir.resolve("data"), collect())) {
            SourceReport report = crawler.run(source(sources));

            assertThat(report.offTopic()).isEqualTo(1);
            assertThat(site.requestsTo("/news/601.html")).as("its whole text was in the feed").isEmpty();
            assertThat(sunkPaths()).as("the keyword appears only below the teaser").containsExactly("/news/602.html");
        }
    }

    @Test
    void aListingIsReadInFullAgainUntilEveryLinkOfItWasTaken() throws Exception {
        site.respond("/feed.xml", Reply.ok(RSS, feedOf(new NewsPages.Item("/news/701.html", "摩尔线程发布新一代GPU", null)))
                .validators("\"v1\"", null));
        site.respond("/news/701.html", Reply.status(503), Reply.status(503), Reply.ok(HTML, NewsPages.article("utf-8", "摩尔线程发布新一代GPU",
                "摩尔线程发布新一代全功能GPU芯片，面向数据中心的AI训练与推理，公司表示新品将于明年量产。")));
        SourcesFile sources = sources(false);

        try (Crawler crawler = new Crawler(sources, dir.resolve("data"), collect())) {
            SourceReport first = crawler.run(source(sources));
            assertThat(first.fetched()).isZero();
            assertThat(first.failed()).isEqualTo(1);

            SourceReport second = crawler.run(source(sources));

            assertThat(second.notModified()).as("the feed's ETag is kept only once its links are taken").isZero();
            assertThat(second.fetched()).isEqualTo(1);
            assertThat(site.requestsTo("/feed.xml").get(1).header("If-None-Match")).isNull();

            SourceReport third = crawler.run(source(sources));
            assertThat(third.notModified()).isEqualTo(1);
        }
    }

    // --- trouble

    @Test
    void anArticleAnswering429IsFetchedAfterItsRetryAfter() throws Exception {
        site.page("/feed.xml", RSS, feedOf(new NewsPages.Item("/news/301.html", "摩尔线程发布新一代GPU", null)));
        site.respond("/news/301.html", Reply.status(429).header("Retry-After", "1"),
                Reply.ok(HTML, NewsPages.article("utf-8", "摩尔线程发布新一代GPU",
                        "摩尔线程今日发布新一代GPU芯片，采用全新架构，单精度算力较上一代提升约一倍，面向数据中心训练与推理。",
                        "公司表示，新产品已完成主流大模型框架的适配，首批产品将于明年一季度交付客户。")));
        SourcesFile sources = sources(false);

        SourceReport report;
        try (Crawler crawler = new Crawler(sources, dir.resolve("data"), collect())) {
            report = crawler.run(source(sources));
        }

        assertThat(report.fetched()).isEqualTo(1);
        assertThat(report.failed()).isZero();
        assertThat(sunkPaths()).containsExactly("/news/301.html");
        List<TestSite.Request> tries = site.requestsTo("/news/301.html");
        assertThat(tries).hasSize(2);
        assertThat((tries.get(1).arrivedNanos() - tries.get(0).arrivedNanos()) / 1_000_000).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void aPageTheSinkRefusesStaysUnseenAndIsFetchedAgainNextRun() throws Exception {
        site.page("/feed.xml", RSS, feedOf(new NewsPages.Item("/news/501.html", "寒武纪推出新款云端芯片", null)));
        site.page("/news/501.html", HTML, NewsPages.article("utf-8", "寒武纪推出新款云端芯片",
                "寒武纪推出新款云端训练芯片，采用先进封装工艺，片上存储容量较上一代翻倍，已开始向互联网客户送样。",
                "公司表示，新芯片支持主流深度学习框架，预计明年下半年实现规模出货。"));
        AtomicBoolean busDown = new AtomicBoolean(true);
        PageSink sink = (page, source) -> {
            if (busDown.get()) {
                throw new IOException("bus unavailable");
            }
            sunk.add(page);
        };
        SourcesFile sources = sources(false);
        UrlCanonicalizer canonicalizer = new UrlCanonicalizer();
        String url = canonicalizer.canonicalize(site.url("/news/501.html").toString());

        try (Crawler crawler = new Crawler(sources, dir.resolve("data"), sink)) {
            SourceReport refused = crawler.run(source(sources));

            assertThat(refused.fetched()).isZero();
            assertThat(refused.failed()).isEqualTo(1);
            assertThat(refused.problems()).anySatisfy(p -> assertThat(p).contains("bus unavailable"));
            assertThat(crawler.state().isSeen(url)).isFalse();

            busDown.set(false);
            SourceReport retried = crawler.run(source(sources));

            assertThat(retried.fetched()).isEqualTo(1);
            assertThat(retried.duplicates()).as("its own earlier fingerprint is not a duplicate").isZero();
            assertThat(crawler.state().isSeen(url)).isTrue();
        }
        assertThat(site.requestsTo("/news/501.html")).hasSize(2);
        assertThat(sunkPaths()).containsExactly("/news/501.html");
    }

    @Test
    void aRepostOfAStoryTheBusRefusedIsSentRatherThanDroppedAsADuplicate() throws Exception {
        site.robots("User-agent: *\nAllow: /\n");
        site.page("/feed.xml", RSS, feedOf(new NewsPages.Item("/news/301.html", "华芯微电子无锡晶圆厂二期封顶", null)));
        site.page("/news/301.html", HTML, NewsPages.article("utf-8", "华芯微电子无锡十二英寸晶圆厂二期封顶", STORY.toArray(String[]::new)));
        List<String> repost = new ArrayList<>();
        repost.add("本文转载自芯视界公众号，如有侵权请联系删除。");
        repost.addAll(STORY);
        site.page("/repost/301.html", HTML, NewsPages.article("utf-8", "无锡又一座十二英寸晶圆厂封顶", repost.toArray(String[]::new)));
        AtomicBoolean busDown = new AtomicBoolean(true);
        PageSink sink = (page, source) -> {
            if (busDown.get()) {
                throw new IOException("bus unavailable");
            }
            sunk.add(page);
        };
        SourcesFile sources = sources(false);
        try (Crawler crawler = new Crawler(sources, dir.resolve("data"), sink)) {
            assertThat(crawler.run(source(sources)).fetched()).isZero();

            // the original drops off the feed before the bus is back; only its repost is listed now
            busDown.set(false);
            site.page("/feed.xml", RSS, feedOf(new NewsPages.Item("/repost/301.html", "无锡又一座十二英寸晶圆厂封顶", null)));
            SourceReport next = crawler.run(source(sources));

            assertThat(next.duplicates()).as("the story never reached the pipeline, so its repost is no duplicate").isZero();
            assertThat(next.fetched()).isEqualTo(1);
        }
        assertThat(sunkPaths()).containsExactly("/repost/301.html");
    }

    // --- the site

    /**
     * robots.txt as given; a feed (ETag'd) of 5 items: UTF-8, GBK, /private/, off-topic with a teaser, a redirect to a
     * private address; list pages /list → /list/2 (next); a sitemap. The list and sitemap between them repeat every
     * article fetched, so a run whose feed answers 304 still sees them.
     */
    private void serveNewsSite(String robots) {
        site.robots(robots);
        site.respond("/feed.xml", Reply.ok(RSS, feedOf(
                new NewsPages.Item("/news/101.html", UTF8_TITLE, "晶圆代工龙头公布三季度财报。"),
                new NewsPages.Item("/news/102.html", GBK_TITLE, "存储芯片厂商扩产。"),
                new NewsPages.Item("/private/103.html", "内部稿件：芯片产业周报", "仅供内部参考。"),
                new NewsPages.Item("/news/104.html", "新款手机影像评测：一英寸大底主摄实拍", "夜景与人像样张对比，长焦表现亮眼。"),
                new NewsPages.Item("/go/105", "先进封装产能告急", "芯片封装排队。")))
                .validators("\"feed-v1\"", null));
        site.page("/news/101.html", HTML, NewsPages.article("utf-8", UTF8_TITLE,
                "中芯国际公布第三季度财报，营收同比增长约两成，创下单季新高，产能利用率回升至百分之九十以上。",
                "公司表示，成熟制程订单饱满，尤其是电源管理和图像传感器芯片需求旺盛，第四季度营收预计环比持平。"));
        site.page("/news/102.html", "text/html", NewsPages.article("gbk", GBK_TITLE,
                "长江存储位于武汉的二期工厂正式投产，三维闪存月产能有望在明年翻番，主要用于固态硬盘和移动终端。",
                "分析人士认为，国产存储芯片产能扩张将改变全球闪存市场的供需格局。").getBytes(GBK));
        site.page("/private/103.html", HTML, NewsPages.article("utf-8", "内部稿件", "不应被抓取的内部芯片稿件。"));
        site.page("/news/104.html", HTML, NewsPages.article("utf-8", "新款手机影像评测", "主摄一英寸大底，夜景表现出色。"));
        site.respond("/go/105", Reply.redirect(302, "http://10.1.2.3/news/105.html"));
        site.page("/list", HTML, NewsPages.listPage("/list/2", "/news/101.html", UTF8_TITLE, "/news/102.html", GBK_TITLE));
        site.page("/list/2", HTML, NewsPages.listPage(null, "/news/106.html", LIST_TITLE));
        site.page("/news/106.html", HTML, NewsPages.article("utf-8", LIST_TITLE,
                "一家国产刻蚀设备企业宣布，其高端介质刻蚀机已进入国内晶圆厂的五纳米产线，用于关键工艺环节的量产验证。",
                "这是国产刻蚀设备首次进入该节点的生产线，公司预计明年订单将继续增长。"));
        site.page("/sitemap.xml", "application/xml", NewsPages.sitemap(site.base(), "/news/106.html", "/news/107.html"));
        site.page("/news/107.html", HTML, NewsPages.article("utf-8", SITEMAP_TITLE,
                "一家半导体材料企业宣布追加投资建设电子特气项目，产品包括三氟化氮和六氟化钨，主要供应本地晶圆厂。",
                "公司表示，项目建成后将显著提升国内电子特气的自给率。"));
    }

    /**
     * Crawler settings for loopback: fast, two attempts, 127.0.0.1 allowed. One source, xinwen: its feed, and with
     * {@code full} also the list pages and the sitemap.
     */
    private SourcesFile sources(boolean full) throws IOException {
        String yaml = """
                crawler:
                  user_agent: chipwatch/0.1
                  contact: https://example.org/chipwatch
                  connect_timeout_seconds: 1
                  read_timeout_seconds: 2
                  max_attempts: 2
                  backoff_seconds: 0.1
                  max_backoff_seconds: 3
                  host_delay_seconds: 0.05
                  concurrency: 2
                  allow: [127.0.0.1]
                  jitter_seconds: 0
                  max_articles: 20
                keywords: [芯片, 半导体, 晶圆, 光刻, 存储, GPU]
                sources:
                  - name: xinwen
                    site: 芯闻速递
                    schedule: "*/30 * * * *"
                    discover:
                      - type: feed
                        url: BASE/feed.xml
                """.replace("BASE", site.base()) + (full ? """
                      - type: list
                        url: BASE/list
                        links: ul.news a
                        next: a.next
                        pages: 2
                      - type: sitemap
                        url: BASE/sitemap.xml
                """.replace("BASE", site.base()) : "");
        return SourcesFile.read(Files.writeString(dir.resolve("sources.yml"), yaml, StandardCharsets.UTF_8));
    }

    private static Source source(SourcesFile sources) {
        return sources.source("xinwen").orElseThrow();
    }

    private String feedOf(NewsPages.Item... items) {
        return NewsPages.rss(site.base(), List.of(items));
    }

    private PageSink collect() {
        return (page, source) -> sunk.add(page);
    }

    private List<String> sunkPaths() {
        synchronized (sunk) {
            return sunk.stream().map(p -> p.url().getPath()).toList();
        }
    }

    private RawPage sunk(String path) {
        synchronized (sunk) {
            return sunk.stream().filter(p -> p.url().getPath().equals(path)).findFirst().orElseThrow();
        }
    }
}
