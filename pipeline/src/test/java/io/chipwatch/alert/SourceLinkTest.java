package io.chipwatch.alert;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SourceLinkTest {

    @Test
    void anAlertsLinkDropsTrackingParametersAndKeepsThoseThatPickTheArticle() {
        assertThat(SourceLink.clean("https://www.Example.cn/news/1.html?utm_source=wx&id=42&spm=a.b.c&from=timeline"))
                .isEqualTo("https://www.example.cn/news/1.html?id=42");
        assertThat(SourceLink.clean("https://mp.weixin.qq.com/s?__biz=MzA&mid=22&idx=1&sn=ab&chksm=99&scene=21"))
                .isEqualTo("https://mp.weixin.qq.com/s?__biz=MzA&idx=1&mid=22&sn=ab");
        assertThat(SourceLink.clean("page.html")).as("a local file stays as it was").isEqualTo("page.html");
        assertThat(SourceLink.clean(null)).isNull();
    }
}
