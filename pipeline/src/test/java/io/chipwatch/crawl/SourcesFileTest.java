package io.chipwatch.crawl;

import io.chipwatch.html.SiteRule;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourcesFileTest {

    /** Relative to the pipeline module, where Maven runs the tests. */
    private static final Path SHIPPED = Path.of("../config/sources.yml");

    private static final String CRAWLER = """
            crawler:
              user_agent: chipwatch/0.1
              host_delay_seconds: 0.5
              time_zone: Asia/Shanghai
              jitter_seconds: 0
            keywords: [芯片, 半导体]
            """;

    @Test
    void theShippedFileLoadsWithEnoughCompleteUniquelyNamedSources() throws IOException {
        SourcesFile file = SourcesFile.read(SHIPPED);

        List<Source> enabled = file.enabled();
        assertThat(enabled).hasSizeGreaterThanOrEqualTo(15);
        Set<String> names = new HashSet<>();
        ZonedDateTime now = ZonedDateTime.now(file.scheduler().zone());
        for (Source source : enabled) {
            assertThat(names.add(source.name())).as("name %s is unique", source.name()).isTrue();
            assertThat(source.discover()).as("discover of %s", source.name()).isNotEmpty();
            for (Discovery d : source.discover()) {
                assertThat(d.url()).as("discover url of %s", source.name()).matches("https?://.+");
            }
            assertThat(CrawlSchedule.parse(source.schedule()).next(now)).as("schedule of %s", source.name()).isPresent();
            assertThat(source.maxArticles()).isPositive();
        }
        assertThat(file.sources()).extracting(Source::name).doesNotHaveDuplicates();
        assertThat(file.crawler().userAgent()).startsWith("chipwatch/");
        assertThat(file.scheduler().zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void theShippedFileGivesTradeSitesAllArticlesAndGeneralSitesTheKeywords() throws IOException {
        SourcesFile file = SourcesFile.read(SHIPPED);

        assertThat(file.source("ijiwei")).get().extracting(Source::keywords).asList().isEmpty();
        assertThat(file.source("36kr")).get().extracting(Source::keywords).asList().contains("半导体", "芯片");
        // the ithome extract rule has no hosts: it applies to the host of its feed
        assertThat(file.siteRules().forUrl(URI.create("https://www.ithome.com/0/812/345.htm")))
                .get().extracting(SiteRule::title).isEqualTo("h1");
    }

    @Test
    void aSmallValidFileReadsItsSettingsAndDefaults() throws IOException {
        SourcesFile file = read(CRAWLER + """
                sources:
                  - name: alpha
                    site: 甲网
                    schedule: "5 * * * *"
                    discover:
                      - type: feed
                        url: https://alpha.example.cn/rss
                """);

        assertThat(file.crawler().hostDelay()).isEqualTo(Duration.ofMillis(500));
        assertThat(file.scheduler().jitter()).isEqualTo(Duration.ZERO);
        assertThat(file.sources()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("alpha");
            assertThat(s.enabled()).isTrue();
            assertThat(s.extract()).isNull();
            assertThat(s.hosts()).containsExactly("alpha.example.cn");
        });
    }

    @Test
    void anUnknownKeyIsRefusedNamingTheKeyAndWhereItIs() {
        assertThatThrownBy(() -> read(CRAWLER + """
                sources:
                  - name: alpha
                    discover:
                      - type: feed
                        url: https://alpha.example.cn/rss
                  - name: beta
                    shedule: "5 * * * *"
                    discover:
                      - type: feed
                        url: https://beta.example.cn/rss
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test.yml")
                .hasMessageContaining("unknown key 'shedule'")
                .hasMessageContaining("sources[1]");
    }

    @Test
    void anUnknownCrawlerKeyIsRefused() {
        assertThatThrownBy(() -> read("""
                crawler:
                  host_dealy_seconds: 3
                sources: []
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown key 'host_dealy_seconds'")
                .hasMessageContaining("crawler");
    }

    @Test
    void aBadCronIsRefusedNamingTheSource() {
        assertThatThrownBy(() -> read(CRAWLER + """
                sources:
                  - name: alpha
                    schedule: "every hour"
                    discover:
                      - type: feed
                        url: https://alpha.example.cn/rss
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source 'alpha'")
                .hasMessageContaining("schedule 'every hour' is not a cron expression");
    }

    @Test
    void aBadUrlPatternIsRefusedNamingTheSource() {
        assertThatThrownBy(() -> read(CRAWLER + """
                sources:
                  - name: alpha
                    discover:
                      - type: feed
                        url: https://alpha.example.cn/rss
                        url_pattern: ^https://alpha\\.example\\.cn/(news/\\d+.html$
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source 'alpha'")
                .hasMessageContaining("url_pattern is not a regular expression");
    }

    @Test
    void aBadCssSelectorIsRefusedNamingTheSourceAndField() {
        assertThatThrownBy(() -> read(CRAWLER + """
                sources:
                  - name: alpha
                    discover:
                      - type: list
                        url: https://alpha.example.cn/news/
                        links: "ul.news >> a[href"
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source 'alpha'")
                .hasMessageContaining("links")
                .hasMessageContaining("is not a CSS selector");
        assertThatThrownBy(() -> read(CRAWLER + """
                sources:
                  - name: beta
                    discover:
                      - type: feed
                        url: https://beta.example.cn/rss
                    extract:
                      body: "div.content:has("
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source 'beta'")
                .hasMessageContaining("extract")
                .hasMessageContaining("is not a CSS selector");
    }

    @Test
    void aDuplicateNameIsRefused() {
        assertThatThrownBy(() -> read(CRAWLER + """
                sources:
                  - name: alpha
                    discover:
                      - type: feed
                        url: https://alpha.example.cn/rss
                  - name: alpha
                    discover:
                      - type: sitemap
                        url: https://alpha.example.cn/sitemap.xml
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two sources are named 'alpha'");
    }

    @Test
    void aNonHttpUrlIsRefusedNamingTheSource() {
        assertThatThrownBy(() -> read(CRAWLER + """
                sources:
                  - name: alpha
                    discover:
                      - type: feed
                        url: ftp://alpha.example.cn/rss.xml
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source 'alpha'")
                .hasMessageContaining("must be http or https")
                .hasMessageContaining("ftp://alpha.example.cn/rss.xml");
    }

    @Test
    void aSourceWithoutDiscoveryIsRefused() {
        assertThatThrownBy(() -> read(CRAWLER + """
                sources:
                  - name: alpha
                    schedule: "5 * * * *"
                """))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source 'alpha'")
                .hasMessageContaining("discover");
    }

    @Test
    void perSourceKeywordsOverrideTheTopLevelListAndAnEmptyListKeepsAll() throws IOException {
        SourcesFile file = read(CRAWLER + """
                sources:
                  - name: general
                    discover:
                      - type: feed
                        url: https://general.example.cn/rss
                  - name: own
                    keywords: [英伟达, GPU]
                    discover:
                      - type: feed
                        url: https://own.example.cn/rss
                  - name: trade
                    keywords: []
                    discover:
                      - type: feed
                        url: https://trade.example.cn/rss
                """);

        assertThat(file.source("general").orElseThrow().keywords()).containsExactly("芯片", "半导体");
        assertThat(file.source("own").orElseThrow().keywords()).containsExactly("英伟达", "GPU");
        assertThat(file.source("trade").orElseThrow().keywords()).isEmpty();

        assertThat(new KeywordFilter(file.source("own").orElseThrow().keywords()).accepts("国产芯片再获突破")).isFalse();
        assertThat(new KeywordFilter(file.source("general").orElseThrow().keywords()).accepts("国产芯片再获突破")).isTrue();
        KeywordFilter trade = new KeywordFilter(file.source("trade").orElseThrow().keywords());
        assertThat(trade.acceptsAll()).isTrue();
        assertThat(trade.accepts("今日天气晴")).isTrue();
    }

    @Test
    void extractWithoutHostsAppliesToTheListingHosts() throws IOException {
        SourcesFile file = read(CRAWLER + """
                sources:
                  - name: alpha
                    discover:
                      - type: feed
                        url: https://news.alpha.example.cn/rss
                      - type: list
                        url: https://www.alpha.example.cn/list_{page}.html
                        links: ul.news a
                    extract:
                      title: h1.headline
                      body: div.content
                  - name: beta
                    discover:
                      - type: feed
                        url: https://beta.example.cn/rss
                    extract:
                      hosts: [m.beta.example.cn]
                      body: article
                """);

        assertThat(file.siteRules().forUrl(URI.create("https://news.alpha.example.cn/2025/1025/1.html")))
                .get().satisfies(rule -> {
                    assertThat(rule.title()).isEqualTo("h1.headline");
                    assertThat(rule.body()).isEqualTo("div.content");
                });
        assertThat(file.siteRules().forUrl(URI.create("https://www.alpha.example.cn/a/2.html")))
                .get().extracting(SiteRule::body).isEqualTo("div.content");
        // explicit hosts replace the listing hosts
        assertThat(file.siteRules().forUrl(URI.create("https://beta.example.cn/a/1.html"))).isEmpty();
        assertThat(file.siteRules().forUrl(URI.create("https://m.beta.example.cn/a/1.html")))
                .get().extracting(SiteRule::body).isEqualTo("article");
        assertThat(file.siteRules().forUrl(URI.create("https://other.example.cn/a/1.html"))).isEmpty();
    }

    private static SourcesFile read(String yaml) throws IOException {
        return SourcesFile.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yml");
    }
}
