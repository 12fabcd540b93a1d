package io.chipwatch.crawl;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SitemapDiscovererTest {

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

    private String urlset(String... paths) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                """);
        for (String p : paths) {
            xml.append("<url><loc>").append(server.base()).append(p).append("</loc><lastmod>2024-04-2")
                    .append(p.length() % 10).append("T10:00:00+08:00</lastmod></url>\n");
        }
        return xml.append("</urlset>\n").toString();
    }

    @Test
    void readsAUrlsetWithLastmod() throws Exception {
        server.serve("/sitemap.xml", "application/xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <url><loc>%1$s/articles/3050101</loc><lastmod>2024-04-23T10:00:00+08:00</lastmod></url>
                  <url><loc>%1$s/articles/3050102</loc></url>
                  <url><loc>%1$s/about</loc></url>
                </urlset>
                """.formatted(server.base()));
        Discovery sitemap = new Discovery("sitemap", server.base() + "/sitemap.xml", null, "/articles/\\d+$", null, null, null,
                null, null, null, null, null, null, null);

        List<DiscoveredLink> links = new SitemapDiscoverer().discover(sitemap, fetcher);

        assertThat(links).extracting(l -> l.url().getPath()).containsExactly("/articles/3050101", "/articles/3050102");
        assertThat(links.get(0).published()).isEqualTo(Instant.parse("2024-04-23T02:00:00Z"));
        assertThat(links.get(1).published()).isNull();
    }

    @Test
    void readsNewsTitlesAndPublicationDates() throws Exception {
        // a news sitemap under /sitemap/ listing articles elsewhere: strict parsing would drop them all
        server.serve("/sitemap/news.xml", "text/xml; charset=utf-8", """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
                        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
                  <url>
                    <loc>%s/articles/3712345</loc>
                    <lastmod>2024-04-23T12:00:00+08:00</lastmod>
                    <news:news>
                      <news:publication><news:name>华尔街见闻</news:name><news:language>zh</news:language></news:publication>
                      <news:publication_date>2024-04-23T09:15:00+08:00</news:publication_date>
                      <news:title>英伟达新一代GPU供应链梳理：先进封装产能仍是瓶颈</news:title>
                    </news:news>
                  </url>
                </urlset>
                """.formatted(server.base()));

        List<DiscoveredLink> links = new SitemapDiscoverer().discover(Discovery.of("sitemap", server.base() + "/sitemap/news.xml"), fetcher);

        assertThat(links).hasSize(1);
        assertThat(links.get(0).title()).isEqualTo("英伟达新一代GPU供应链梳理：先进封装产能仍是瓶颈");
        assertThat(links.get(0).published()).isEqualTo(Instant.parse("2024-04-23T01:15:00Z"));
    }

    @Test
    void followsTheNewestChildrenOfAnIndexIncludingGzipped() throws Exception {
        server.serve("/sitemap-2024-04.xml.gz", "application/x-gzip", gzip(urlset("/a/4")));
        server.serve("/sitemap-2024-03.xml", "application/xml", urlset("/a/3"));
        server.serve("/sitemap-2024-02.xml", "application/xml", urlset("/a/2"));
        server.serve("/sitemap-index.xml", "application/xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <sitemap><loc>%1$s/sitemap-2024-02.xml</loc><lastmod>2024-02-29</lastmod></sitemap>
                  <sitemap><loc>%1$s/sitemap-2024-04.xml.gz</loc><lastmod>2024-04-23</lastmod></sitemap>
                  <sitemap><loc>%1$s/sitemap-2024-03.xml</loc><lastmod>2024-03-31</lastmod></sitemap>
                </sitemapindex>
                """.formatted(server.base()));

        List<DiscoveredLink> links = new SitemapDiscoverer(ValidatorStore.NONE, 2)
                .discover(Discovery.of("sitemap", server.base() + "/sitemap-index.xml"), fetcher);

        assertThat(links).extracting(l -> l.url().getPath()).containsExactly("/a/4", "/a/3");
        assertThat(server.requests()).extracting(ListingServer.Request::pathAndQuery).doesNotContain("/sitemap-2024-02.xml");
    }

    @Test
    void aBrokenChildDoesNotHideItsSiblings() throws Exception {
        server.serve("/good.xml", "application/xml", urlset("/a/1"));
        server.serve("/index.xml", "application/xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <sitemap><loc>%1$s/missing.xml</loc></sitemap>
                  <sitemap><loc>%1$s/good.xml</loc></sitemap>
                </sitemapindex>
                """.formatted(server.base()));

        List<DiscoveredLink> links = new SitemapDiscoverer().discover(Discovery.of("sitemap", server.base() + "/index.xml"), fetcher);

        assertThat(links).extracting(l -> l.url().getPath()).containsExactly("/a/1");
    }

    @Test
    void anHtmlPageIsNotASitemap() {
        server.serve("/sitemap.xml", "text/html", "<html><head><title>404</title></head><body>页面不存在</body></html>");

        assertThatThrownBy(() -> new SitemapDiscoverer().discover(Discovery.of("sitemap", server.base() + "/sitemap.xml"), fetcher))
                .isInstanceOf(DiscoveryException.class)
                .hasMessageContaining("not a sitemap");
    }

    private static byte[] gzip(String text) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
