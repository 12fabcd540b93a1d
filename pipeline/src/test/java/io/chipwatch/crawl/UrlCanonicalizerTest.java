package io.chipwatch.crawl;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UrlCanonicalizerTest {

    private final UrlCanonicalizer canon = new UrlCanonicalizer();

    @Test
    void dropsTrackingParametersAndKeepsMeaningfulOnes() {
        assertThat(canon.canonicalize("https://www.ithome.com/0/765/432.htm?utm_source=rss&utm_medium=feed&spm=a2c6h.1234&from=timeline"))
                .isEqualTo("https://www.ithome.com/0/765/432.htm");
        assertThat(canon.canonicalize("https://news.example.cn/show.php?id=42&share_token=x9&aid=7&p=2&wfr=spider&fbclid=abc"))
                .isEqualTo("https://news.example.cn/show.php?aid=7&id=42&p=2");
        assertThat(canon.canonicalize("https://mp.weixin.qq.com/s?__biz=MzA3&mid=2650&idx=1&sn=9f3e&chksm=84&scene=21"))
                .isEqualTo("https://mp.weixin.qq.com/s?__biz=MzA3&idx=1&mid=2650&sn=9f3e");
    }

    @Test
    void lowerCasesSchemeAndHostButNotThePath() {
        assertThat(canon.canonicalize("HTTPS://WWW.EET-China.COM/News/A12345.html"))
                .isEqualTo("https://www.eet-china.com/News/A12345.html");
    }

    @Test
    void dropsFragmentDefaultPortAndEmptyQuery() {
        assertThat(canon.canonicalize("http://www.cena.com.cn:80/semi/20240423/123.html?#comments"))
                .isEqualTo("http://www.cena.com.cn/semi/20240423/123.html");
        assertThat(canon.canonicalize("https://example.cn:443/a?utm_campaign=x")).isEqualTo("https://example.cn/a");
        assertThat(canon.canonicalize("https://example.cn:8443/a")).isEqualTo("https://example.cn:8443/a");
        assertThat(canon.canonicalize("https://example.cn")).isEqualTo("https://example.cn/");
    }

    @Test
    void sortsParametersSoTheirOrderDoesNotMatter() {
        assertThat(canon.canonicalize("https://feed.example.cn/api/roll/get?pageid=372&lid=2431&num=50"))
                .isEqualTo(canon.canonicalize("https://feed.example.cn/api/roll/get?num=50&lid=2431&pageid=372"))
                .isEqualTo("https://feed.example.cn/api/roll/get?lid=2431&num=50&pageid=372");
    }

    @Test
    void resolvesDotSegments() {
        assertThat(canon.canonicalize("https://example.cn/news/./2024/../a/1.html")).isEqualTo("https://example.cn/news/a/1.html");
        assertThat(canon.canonicalize("https://example.cn/../a.html")).isEqualTo("https://example.cn/a.html");
    }

    @Test
    void copesWithCharactersUrisRefuse() {
        assertThat(canon.canonicalize("https://www.qbitai.com/tag/芯片/feed?q=a b|c"))
                .isEqualTo("https://www.qbitai.com/tag/芯片/feed?q=a%20b%7Cc");
    }

    @Test
    void theTrackingListIsConfigurable() {
        UrlCanonicalizer custom = new UrlCanonicalizer(List.of("ref", "x_*"));

        assertThat(custom.canonicalize("https://example.cn/a?ref=home&x_trace=1&utm_source=rss"))
                .isEqualTo("https://example.cn/a?utm_source=rss");
    }

    @Test
    void rejectsWhatIsNotAnAbsoluteUrl() {
        assertThatThrownBy(() -> canon.canonicalize("/relative/path")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> canon.canonicalize("mailto:news@example.cn")).isInstanceOf(IllegalArgumentException.class);
    }
}
