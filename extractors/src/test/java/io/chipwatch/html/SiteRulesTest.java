package io.chipwatch.html;

import io.chipwatch.model.Article;
import io.chipwatch.model.RawPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SiteRulesTest {

    private static final Instant FETCHED_AT = Instant.parse("2025-11-28T08:00:00Z");

    private static final String RULES_YAML = """
            sites:
              - hosts: [chipnews.example.cn]
                body: "div.zhengwen"
                source: "span.laiyuan"
                remove: ["div.zhengwen .guanggao"]
            """;

    private static final String GENERIC_TEXT = "据业内人士介绍，今年以来国内多条十二英寸产线陆续进入量产阶段，成熟制程的产能供给明显增加。";
    private static final String RULE_TEXT = "这是站点规则指定的正文段落，只有规则生效时，它才会单独成为正文。";

    /** A page whose generic best block (div.main) is not the block the site rule names (div.zhengwen). */
    private static final String PAGE = "<html><head><meta charset=\"utf-8\"><title>先进封装产能告急</title></head><body>"
            + "<h1>先进封装产能告急</h1>"
            + "<div class=\"main\">"
            + "<p>" + GENERIC_TEXT + "</p>"
            + "<p>一家封测企业的负责人表示，先进封装订单已经排到明年第二季度，公司正在加紧招聘工程师。</p>"
            + "<p>分析师认为，存储芯片价格在连续下跌之后有望企稳，但消费电子需求的恢复仍需时间，行业分化将加剧。</p>"
            + "<p>与此同时，设备厂商的验证进度加快，刻蚀和薄膜沉积设备在部分客户处实现了批量供货。</p>"
            + "</div>"
            + "<div class=\"zhengwen\"><p>" + RULE_TEXT + "</p><div class=\"guanggao\">广告位招租，欢迎来电洽谈合作事宜，价格优惠。</div></div>"
            + "<div class=\"info\"><span class=\"laiyuan\">硅片观察</span></div>"
            + "</body></html>";

    @TempDir
    Path dir;

    private SiteRules load(String yaml) throws IOException {
        Path file = dir.resolve("site-rules.yml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return SiteRules.read(file);
    }

    private static Article extract(SiteRules rules, String url) throws Exception {
        return new ArticleExtractor(rules).extract(
                new RawPage(PAGE.getBytes(StandardCharsets.UTF_8), URI.create(url), Map.of(), FETCHED_AT));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://chipnews.example.cn/a/1.html", "https://m.chipnews.example.cn/a/1.html",
            "https://CHIPNEWS.example.cn/a/1.html"})
    void ruleSelectorsApplyToTheHostAndItsSubdomains(String url) throws Exception {
        Article article = extract(load(RULES_YAML), url);

        assertThat(article.body()).isEqualTo(RULE_TEXT);
        assertThat(article.source()).isEqualTo("硅片观察");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://other.example.com/a/1.html", "https://notchipnews.example.cn/a/1.html"})
    void ruleDoesNotApplyToAnotherHost(String url) throws Exception {
        Article article = extract(load(RULES_YAML), url);

        assertThat(article.body()).contains(GENERIC_TEXT);
        assertThat(article.source()).isNotEqualTo("硅片观察");
    }

    @Test
    void forUrlMatchesHostsAndSubdomainsOnly() throws Exception {
        SiteRules rules = load(RULES_YAML);

        assertThat(rules.size()).isEqualTo(1);
        assertThat(rules.forUrl(URI.create("https://www.chipnews.example.cn/x"))).hasValueSatisfying(r -> {
            assertThat(r.body()).isEqualTo("div.zhengwen");
            assertThat(r.source()).isEqualTo("span.laiyuan");
            assertThat(r.remove()).containsExactly("div.zhengwen .guanggao");
            assertThat(r.title()).isNull();
        });
        assertThat(rules.forUrl(URI.create("https://chipnews.example.cn.evil.com/x"))).isEmpty();
        assertThat(rules.forUrl(URI.create("https://example.cn/x"))).isEmpty();
        assertThat(rules.forUrl(null)).isEmpty();
    }

    @Test
    void yamlWithAnUnknownKeyFailsNamingTheKey() {
        String yaml = """
                sites:
                  - hosts: [chipnews.example.cn]
                    body: "div.zhengwen"
                    author_selector: ".zuozhe"
                """;

        assertThatThrownBy(() -> load(yaml)).hasMessageContaining("sites[0].author_selector: unknown key 'author_selector'");
    }

    @Test
    void yamlWithAnUnknownTopLevelKeyFailsNamingTheKey() {
        String yaml = """
                site:
                  - hosts: [chipnews.example.cn]
                """;

        assertThatThrownBy(() -> load(yaml)).hasMessageContaining("unknown key 'site'");
    }

    @Test
    void ruleWithoutHostsFailsToLoad() {
        String yaml = """
                sites:
                  - body: "div.zhengwen"
                """;

        assertThatThrownBy(() -> load(yaml)).hasMessageContaining("without hosts");
    }

    @Test
    void rulesAddedWithPlusTakePrecedence() throws Exception {
        SiteRules base = load(RULES_YAML);
        SiteRules override = new SiteRules(List.of(
                new SiteRule(List.of("chipnews.example.cn"), null, "div.main", null, null, null, null)));

        SiteRules all = base.plus(override);

        assertThat(all.size()).isEqualTo(2);
        assertThat(all.forUrl(URI.create("https://chipnews.example.cn/a"))).hasValueSatisfying(
                r -> assertThat(r.body()).isEqualTo("div.main"));
    }

    @Test
    void defaultRulesResourceLoads() {
        SiteRules defaults = SiteRules.defaults();

        assertThat(defaults.size()).isGreaterThan(0);
        assertThat(defaults.forUrl(URI.create("https://mp.weixin.qq.com/s/abc"))).isPresent();
    }

    @Test
    void noRulesMatchNothing() {
        assertThat(SiteRules.none().size()).isZero();
        assertThat(SiteRules.none().forUrl(URI.create("https://chipnews.example.cn/a"))).isEmpty();
    }
}
