package io.chipwatch.crawl;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedDiscovererTest {

    private static final String RSS = """
            <?xml version="1.0" encoding="%s"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
              <channel>
                <title>芯闻速递</title>
                <link>https://news.example.cn/</link>
                <description>半导体产业新闻</description>
                <item>
                  <title>长江存储发布第五代三维闪存 堆叠层数突破三百层</title>
                  <link>/n/100231</link>
                  <pubDate><![CDATA[ Tue, 23 Apr 2024 10:20:30 +0800 ]]></pubDate>
                  <description>存储芯片厂商宣布新一代产品量产。</description>
                  <content:encoded><![CDATA[<p>长江存储今日宣布，其第五代<b>三维闪存</b>已进入量产阶段。</p><p>业内人士认为这将提升国产存储的竞争力。</p>]]></content:encoded>
                </item>
                <item>
                  <title>中芯国际一季度营收同比增长</title>
                  <link>https://news.example.cn/n/100232?utm_source=rss</link>
                  <pubDate>Tue, 23 Apr 2024 08:00:00 GMT</pubDate>
                  <description><![CDATA[<p>晶圆代工龙头<em>中芯国际</em>公布财报。</p>]]></description>
                </item>
              </channel>
            </rss>
            """;

    private ListingServer server;
    private final PlainFetcher fetcher = new PlainFetcher();

    @BeforeEach
    void start() throws Exception {
        server = new ListingServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void readsUtf8RssWithFullContentAndRelativeLinks() throws Exception {
        server.serve("/feed", "application/rss+xml; charset=utf-8", RSS.formatted("UTF-8"));

        List<DiscoveredLink> links = new FeedDiscoverer().discover(Discovery.of("feed", server.base() + "/feed"), fetcher);

        assertThat(links).hasSize(2);
        DiscoveredLink first = links.get(0);
        assertThat(first.url()).isEqualTo(server.url("/n/100231"));
        assertThat(first.title()).isEqualTo("长江存储发布第五代三维闪存 堆叠层数突破三百层");
        assertThat(first.published()).isEqualTo(Instant.parse("2024-04-23T02:20:30Z"));
        assertThat(first.summary()).isEqualTo("长江存储今日宣布，其第五代三维闪存已进入量产阶段。 业内人士认为这将提升国产存储的竞争力。");
        assertThat(links.get(1).summary()).isEqualTo("晶圆代工龙头中芯国际公布财报。");
        assertThat(links.get(1).published()).isEqualTo(Instant.parse("2024-04-23T08:00:00Z"));
    }

    @Test
    void readsGbkFeedsByTheirXmlDeclaration() throws Exception {
        // 堃 is in GBK but not GB2312: a feed labelled gb2312 over GBK bytes must still decode
        String gbk = RSS.formatted("GBK").replace("中芯国际一季度", "中芯国际（堃）一季度");
        server.serve("/gbk", "application/xml", gbk.getBytes(Charset.forName("GBK")));
        server.serve("/gb2312", "text/xml", gbk.replace("encoding=\"GBK\"", "encoding=\"gb2312\"").getBytes(Charset.forName("GBK")));

        for (String path : List.of("/gbk", "/gb2312")) {
            List<DiscoveredLink> links = new FeedDiscoverer().discover(Discovery.of("feed", server.base() + path), fetcher);
            assertThat(links).extracting(DiscoveredLink::title)
                    .containsExactly("长江存储发布第五代三维闪存 堆叠层数突破三百层", "中芯国际（堃）一季度营收同比增长");
        }
    }

    @Test
    void readsUtf8BytesUnderAnUsAsciiDeclaration() throws Exception {
        server.serve("/ascii", "application/rss+xml", RSS.formatted("us-ascii"));

        List<DiscoveredLink> links = new FeedDiscoverer().discover(Discovery.of("feed", server.base() + "/ascii"), fetcher);

        assertThat(links).extracting(DiscoveredLink::title).contains("中芯国际一季度营收同比增长");
    }

    @Test
    void readsAtom() throws Exception {
        server.serve("/atom", "application/atom+xml", """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title>芯片观察</title>
                  <id>urn:chips</id>
                  <updated>2024-04-23T12:00:00+08:00</updated>
                  <entry>
                    <title>华为海思推出新款AI加速芯片</title>
                    <link rel="alternate" href="https://chips.example.cn/articles/ai-accelerator"/>
                    <id>urn:1</id>
                    <published>2024-04-22T09:30:00+08:00</published>
                    <updated>2024-04-23T09:30:00+08:00</updated>
                    <summary>新品面向数据中心推理。</summary>
                    <content type="html">&lt;p&gt;海思推出的新款加速芯片面向&lt;b&gt;数据中心推理&lt;/b&gt;场景。&lt;/p&gt;</content>
                  </entry>
                  <entry>
                    <title>光刻胶国产化进展</title>
                    <link href="https://chips.example.cn/articles/photoresist"/>
                    <id>urn:2</id>
                    <updated>2024-04-21T08:00:00Z</updated>
                    <summary>多家厂商通过验证。</summary>
                  </entry>
                </feed>
                """);

        List<DiscoveredLink> links = new FeedDiscoverer().discover(Discovery.of("feed", server.base() + "/atom"), fetcher);

        assertThat(links).hasSize(2);
        assertThat(links.get(0).url()).hasToString("https://chips.example.cn/articles/ai-accelerator");
        assertThat(links.get(0).published()).isEqualTo(Instant.parse("2024-04-22T01:30:00Z"));
        assertThat(links.get(0).summary()).isEqualTo("海思推出的新款加速芯片面向数据中心推理场景。");
        assertThat(links.get(1).published()).isEqualTo(Instant.parse("2024-04-21T08:00:00Z"));
        assertThat(links.get(1).summary()).isEqualTo("多家厂商通过验证。");
    }

    @Test
    void anHtmlPageIsNotAFeed() {
        server.serve("/rss", "text/html; charset=utf-8", """
                <!DOCTYPE html>
                <html><head><title>数据服务</title></head><body><p>欢迎使用数据服务</p></body></html>
                """);

        assertThatThrownBy(() -> new FeedDiscoverer().discover(Discovery.of("feed", server.base() + "/rss"), fetcher))
                .isInstanceOf(DiscoveryException.class)
                .hasMessageContaining("not a feed")
                .hasMessageContaining("HTML")
                .hasMessageContaining("数据服务");
    }

    @Test
    void brokenXmlIsNotAFeedEither() {
        server.serve("/broken", "application/xml", "<rss><channel><item><title>半导体</title></chan");

        assertThatThrownBy(() -> new FeedDiscoverer().discover(Discovery.of("feed", server.base() + "/broken"), fetcher))
                .isInstanceOf(DiscoveryException.class)
                .hasMessageContaining("not a feed");
    }

    @Test
    void anUnchangedFeedIsEmptyAndTheValidatorsWereSent(@TempDir Path dir) throws Exception {
        server.serveWithEtag("/feed", "application/rss+xml", RSS.formatted("UTF-8"), "\"v1\"");
        try (CrawlState state = CrawlState.open(dir)) {
            FeedDiscoverer discoverer = new FeedDiscoverer(state);
            Discovery feed = Discovery.of("feed", server.base() + "/feed");

            assertThat(discoverer.discover(feed, fetcher)).hasSize(2);
            assertThat(state.validators(server.base() + "/feed")).contains(new Validators("\"v1\"", "Tue, 23 Apr 2024 02:00:00 GMT"));
            assertThat(discoverer.discover(feed, fetcher)).isEmpty();
        }
        List<ListingServer.Request> requests = server.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).header("if-none-match")).isNull();
        assertThat(requests.get(1).header("if-none-match")).isEqualTo("\"v1\"");
        assertThat(requests.get(1).header("if-modified-since")).isEqualTo("Tue, 23 Apr 2024 02:00:00 GMT");
    }

    @Test
    void keepsOnlyLinksMatchingThePattern() throws Exception {
        server.serve("/feed", "application/rss+xml", RSS.formatted("UTF-8").getBytes(StandardCharsets.UTF_8));
        Discovery feed = new Discovery("feed", server.base() + "/feed", null, "/n/\\d+$", null, null, null, null, null, null,
                null, null, null, null);

        assertThat(new FeedDiscoverer().discover(feed, fetcher)).extracting(l -> l.url().getPath()).containsExactly("/n/100231");
    }
}
