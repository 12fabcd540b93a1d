package io.chipwatch.crawl;

import io.chipwatch.cli.Main;
import io.chipwatch.nlp.Gazetteer;
import io.chipwatch.store.LuceneSearchStore;
import io.chipwatch.store.SearchQuery;
import io.chipwatch.store.SearchStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code chipwatch run} on the embedded default, as a separate process, crawling a real HTTP
 * site: every article is discovered, fetched, extracted, analysed and indexed once; a restart
 * fetches nothing new; a repost under another URL is recorded as a duplicate of the first.
 */
class RunCrawlEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void runCrawlsTheSourcesIntoTheIndexOnceAndRecognisesARepost() throws Exception {
        try (TestSite site = TestSite.start()) {
            site.robots("User-agent: *\nDisallow: /private/\n");
            for (int i = 0; i < ARTICLES.length; i++) {
                site.page("/news/" + (i + 1) + ".html", "text/html; charset=utf-8", page(ARTICLES[i][0], ARTICLES[i][1], "示例科技网"));
            }
            // the same story as article 1, reposted by an account with its own byline
            site.page("/dy/copy-1.html", "text/html; charset=utf-8", page(ARTICLES[0][0], ARTICLES[0][1], "某某号"));
            site.respond("/feed.xml", TestSite.Reply.ok("application/rss+xml; charset=utf-8", feed(site, 1, 2, 3))
                    .validators("\"v1\"", null));

            Path data = dir.resolve("data");
            Path sources = Files.writeString(dir.resolve("sources.yml"), String.join("\n",
                    "crawler:",
                    "  allow: [127.0.0.1]",
                    "  host_delay_seconds: 0.05",
                    "  read_timeout_seconds: 10",
                    "  max_attempts: 1",
                    "  jitter_seconds: 0",
                    "  run_on_start: true",
                    "keywords: [芯片]",
                    "sources:",
                    "  - name: testsite",
                    "    schedule: \"0 0 1 1 *\"",
                    "    discover:",
                    "      - type: feed",
                    "        url: " + site.url("/feed.xml"),
                    ""));
            Path config = Files.writeString(dir.resolve("chipwatch.yml"), String.join("\n",
                    "data: " + data, "bus:", "  kind: memory", "  partitions: 2", "store:", "  kind: lucene",
                    "stages: [crawl, extract, nlp, index]", "sources: " + sources, ""));

            String first = runUntil(config, "index: 3 done");
            assertThat(first).contains("testsite: 3 discovered, 3 fetched");
            assertThat(indexedArticles(data)).as("every article indexed once; log:\n" + first).isEqualTo(3);

            // a restart: the feed is unchanged (304) and nothing is fetched again
            String second = runUntil(config, "crawled testsite:");
            assertThat(second).contains("0 fetched").contains("1 not modified");
            for (int i = 1; i <= 3; i++) {
                assertThat(site.requestsTo("/news/" + i + ".html")).as("article %d fetched once over both runs", i).hasSize(1);
            }

            // the repost appears in the feed under another URL
            site.respond("/feed.xml", TestSite.Reply.ok("application/rss+xml; charset=utf-8", feed(site, 1, 2, 3, 4))
                    .validators("\"v2\"", null));
            String third = runUntil(config, "crawled testsite:");
            assertThat(third).contains("0 fetched").contains("1 duplicates");
            assertThat(indexedArticles(data)).isEqualTo(3);
            try (CrawlState state = CrawlState.open(data.resolve("crawl"))) {
                assertThat(state.duplicateOf(site.url("/dy/copy-1.html").toString()))
                        .contains(site.url("/news/1.html").toString());
            }
        }
    }

    /** Starts {@code chipwatch run}, waits for a line of its output, stops it with SIGTERM and returns its output. */
    private String runUntil(Path config, String line) throws Exception {
        Path log = Files.createTempFile(dir, "run", ".log");
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xss4m", "-Xmx768m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", "--config", config.toString(), "--progress", "1")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
            while (!Files.readString(log).contains(line) && run.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(Files.readString(log)).as("output of chipwatch run").contains(line);
        } finally {
            run.destroy();
            assertThat(run.waitFor(90, TimeUnit.SECONDS)).as("graceful stop").isTrue();
        }
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    private static long indexedArticles(Path data) {
        try (SearchStore store = LuceneSearchStore.open(data.resolve("index"), Gazetteer.defaults())) {
            return store.articles(new SearchQuery(SearchQuery.Kind.ARTICLES, null, null, null, null, null, 100)).total();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String feed(TestSite site, int... items) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
                + "<title>示例科技网</title><link>" + site.url("/") + "</link><description>芯片新闻</description>");
        for (int i : items) {
            String path = i <= ARTICLES.length ? "/news/" + i + ".html" : "/dy/copy-1.html?utm_source=feed";
            String title = ARTICLES[i <= ARTICLES.length ? i - 1 : 0][0];
            b.append("<item><title>").append(title).append("</title><link>").append(site.url(path)).append("</link>")
                    .append("<pubDate>Tue, 24 Nov 2026 0").append(i).append(":00:00 +0800</pubDate></item>");
        }
        return b.append("</channel></rss>").toString();
    }

    private static String page(String title, String body, String outlet) {
        StringBuilder paragraphs = new StringBuilder();
        for (String p : body.split("\n")) {
            paragraphs.append("<p>").append(p).append("</p>");
        }
        return "<html><head><meta charset=utf-8><title>" + title + "_" + outlet + "</title></head><body>"
                + "<div class=nav><a href=/>首页</a> <a href=/news/>新闻</a></div><h1>" + title + "</h1>"
                + "<div class=info>2026-11-24 10:20 来源：" + outlet + "</div><div class=article>" + paragraphs
                + "</div><div class=footer>版权所有 " + outlet + "</div></body></html>";
    }

    private static final String[][] ARTICLES = {
            {"寒武纪发布新一代云端AI芯片思元690",
                    "寒武纪今日在北京召开新品发布会，正式发布新一代云端人工智能芯片思元690，公司表示该芯片采用新的计算架构，面向大模型训练与推理场景。\n"
                            + "据介绍，思元690的整数算力较上一代产品提升约两倍，同时支持更大容量的高带宽内存，单卡显存达到一百四十四GB，片间互联带宽也明显提高。\n"
                            + "公司负责人在发布会上表示，预计该芯片将于2027年第一季度实现量产，首批客户包括多家互联网企业和智算中心运营商。\n"
                            + "分析人士指出，国内云端训练芯片市场需求旺盛，但先进制程产能仍然紧张，寒武纪能否按计划交付，取决于代工伙伴的产能安排。\n"
                            + "寒武纪此前公布的财报显示，公司前三季度营业收入同比大幅增长，毛利率保持在较高水平，研发投入继续增加。"},
            {"长江存储宣布扩建武汉三期工厂",
                    "长江存储近日宣布扩建位于武汉的三期工厂，新产线将主要生产高层数三维闪存芯片，项目总投资额据称超过数百亿元。\n"
                            + "业内人士透露，新工厂计划在明年下半年开始设备搬入，届时公司月产能有望进一步提升，以满足数据中心和消费电子客户的需求。\n"
                            + "受存储芯片价格回升影响，国内存储厂商今年以来订单饱满，部分产品交期延长，扩产成为多家企业的共同选择。\n"
                            + "不过也有观点认为，存储行业周期性明显，大规模扩产可能在未来两到三年内带来新的供过于求压力，企业需要谨慎评估投资节奏。"},
            {"摩尔线程完成新一轮融资 估值再创新高",
                    "国产GPU企业摩尔线程日前完成新一轮融资，本轮由多家产业资本和地方政府基金联合领投，融资完成后公司估值再创新高。\n"
                            + "摩尔线程成立于2020年，主要从事全功能图形处理器芯片的研发，产品覆盖桌面显卡、数据中心加速卡以及智算集群解决方案。\n"
                            + "公司表示，本轮资金将主要用于下一代芯片的研发、软件生态建设以及智算中心业务的拓展，同时加大对开发者社区的投入。\n"
                            + "近年来国产GPU赛道融资活跃，但企业普遍面临生态建设周期长、软件适配成本高等挑战，商业化进展仍是投资人关注的焦点。"},
    };

}
