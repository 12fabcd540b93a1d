package io.chipwatch.crawl;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ListPageDiscovererTest {

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

    private static String page(int n, String next) {
        return """
                <html><head><meta charset="utf-8"><title>科技频道</title></head><body>
                <div class="nav"><a href="/about.html">关于我们</a><a href="/lists/65.html">科技</a></div>
                <ul class="news">
                  <li><a href="/article/%1$d01.html"><img src="/img/%1$d01.jpg"></a>
                      <h3><a href="/article/%1$d01.html">第%1$d页：国产EDA厂商完成新一轮融资</a></h3></li>
                  <li><h3><a href="article/%1$d02.html?from=list">第%1$d页：先进封装产能持续紧张</a></h3></li>
                  <li><h3><a href="https://ad.example.com/click?id=9">广告：服务器特惠</a></h3></li>
                </ul>
                %2$s
                </body></html>
                """.formatted(n, next);
    }

    private Discovery list(String url, String links, int pages, String next) {
        return new Discovery("list", url, links, "/article/\\d+\\.html", pages, next, null, null, null, null, null, null, null, null);
    }

    @Test
    void fillsThePagePlaceholderAndKeepsMatchingLinks() throws Exception {
        for (int p = 1; p <= 3; p++) {
            server.serve("/lists/65_" + p + ".html", "text/html; charset=utf-8", page(p, ""));
        }

        List<DiscoveredLink> links = new ListPageDiscoverer().discover(list(server.base() + "/lists/65_{page}.html", "ul.news a[href]", 2, null), fetcher);

        assertThat(links).extracting(l -> l.url().getPath())
                .containsExactly("/article/101.html", "/article/101.html", "/lists/article/102.html",
                        "/article/201.html", "/article/201.html", "/lists/article/202.html");
        assertThat(links.get(1).title()).isEqualTo("第1页：国产EDA厂商完成新一轮融资");
        assertThat(links.get(0).title()).isNull(); // the picture link
        assertThat(server.requests()).extracting(ListingServer.Request::pathAndQuery)
                .containsExactly("/lists/65_1.html", "/lists/65_2.html");
    }

    @Test
    void followsTheNextLinkUpToThePageLimit() throws Exception {
        server.serve("/news/", "text/html", page(1, "<div class=\"pager\"><a class=\"next\" href=\"index_2.html\">下一页</a></div>"));
        server.serve("/news/index_2.html", "text/html", page(2, "<div class=\"pager\"><a class=\"next\" href=\"index_3.html\">下一页</a></div>"));
        server.serve("/news/index_3.html", "text/html", page(3, "<div class=\"pager\"><a class=\"next\" href=\"index_4.html\">下一页</a></div>"));

        // the selector stops at the heading; the anchor inside it is taken
        List<DiscoveredLink> links = new ListPageDiscoverer().discover(list(server.base() + "/news/", "ul.news h3", 3, "a.next"), fetcher);

        assertThat(links).extracting(DiscoveredLink::title).containsExactly(
                "第1页：国产EDA厂商完成新一轮融资", "第1页：先进封装产能持续紧张",
                "第2页：国产EDA厂商完成新一轮融资", "第2页：先进封装产能持续紧张",
                "第3页：国产EDA厂商完成新一轮融资", "第3页：先进封装产能持续紧张");
        assertThat(links.get(1).url()).isEqualTo(server.url("/news/article/102.html?from=list"));
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void decodesGbkPagesByTheirMetaCharset() throws Exception {
        String html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body>"
                + "<a href=\"/article/7.html\">半导体设备国产化率稳步提升</a></body></html>";
        server.serve("/gbk.html", "text/html", html.getBytes(Charset.forName("GBK")));

        List<DiscoveredLink> links = new ListPageDiscoverer().discover(list(server.base() + "/gbk.html", null, 1, null), fetcher);

        assertThat(links).extracting(DiscoveredLink::title).containsExactly("半导体设备国产化率稳步提升");
    }

    @Test
    void anInvalidSelectorIsReported() {
        server.serve("/x.html", "text/html", page(1, ""));

        assertThatThrownBy(() -> new ListPageDiscoverer().discover(list(server.base() + "/x.html", "ul.news >> [", 1, null), fetcher))
                .isInstanceOf(DiscoveryException.class)
                .hasMessageContaining("not valid CSS");
    }

    @Test
    void discoverersMergeDuplicatesAndDropTracking() throws Exception {
        server.serve("/lists/65_1.html", "text/html", page(1, ""));

        List<DiscoveredLink> links = new Discoverers().discover(list(server.base() + "/lists/65_{page}.html", "ul.news a[href]", 1, null), fetcher);

        // the picture link and the headline link are one article; the headline fills in the title
        assertThat(links).extracting(l -> l.url().getPath()).containsExactly("/article/101.html", "/lists/article/102.html");
        assertThat(links.get(0).title()).isEqualTo("第1页：国产EDA厂商完成新一轮融资");
    }
}
