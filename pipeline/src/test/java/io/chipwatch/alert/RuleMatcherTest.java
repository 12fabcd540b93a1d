package io.chipwatch.alert;

import io.chipwatch.model.Analysis;
import io.chipwatch.model.Article;
import io.chipwatch.model.Entity;
import io.chipwatch.model.Event;
import io.chipwatch.nlp.NlpAnalyzer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RuleMatcherTest {

    private static final String LAUNCH = "华为将于2026年第一季度推出昇腾950PR芯片，预计出货量将超过100万颗。";
    private static final String LAUNCH_MOVED = "華為將於2026年第二季度推出昇騰950PR晶片。";
    private static final String INVESTMENT = "小米集团宣布投资20亿美元建设芯片工厂。";
    private static final String CONTROL = "美国商务部将长江存储列入实体清单，实施出口管制。";

    private static NlpAnalyzer nlp;
    private final IdentityKeys keys = new IdentityKeys();

    @BeforeAll
    static void loadModels() {
        nlp = NlpAnalyzer.withDefaults();
    }

    private static Article article(String url, String title, String body) {
        return new Article("id-" + body.hashCode(), url, null, title, OffsetDateTime.parse("2025-09-18T10:00:00+08:00"),
                null, "新浪科技", "zh", body, "UTF-8");
    }

    private static AlertRule rule(String name, List<String> events, List<String> orgs, List<String> products,
                                  List<String> keywords, List<String> sources, List<AlertRule.Threshold> figures) {
        return new AlertRule(name, events, orgs, products, List.of(), keywords, sources, figures, List.of("ops"), 10);
    }

    private List<AlertCandidate> match(AlertRule rule, Article a) {
        return new RuleMatcher(List.of(rule), keys).match(a, nlp.analyze(a));
    }

    @Test
    void aWatchedProductFamilyMatchesTheLaunchInEitherScriptUnderOneKey() {
        AlertRule huawei = rule("huawei", List.of("product_announcement"), List.of(), List.of("昇騰"), List.of(), List.of(), List.of());

        List<AlertCandidate> simplified = match(huawei, article("https://www.example.com/a/1", "华为路线图", LAUNCH));
        List<AlertCandidate> traditional = match(huawei, article("https://www.example.tw/a/2", "華為路線圖", LAUNCH_MOVED));

        assertThat(simplified).singleElement().satisfies(c -> {
            assertThat(c.rule()).isEqualTo("huawei");
            assertThat(c.identity()).isEqualTo(new AnnouncementIdentity("华为", "昇腾950PR", "product_announcement", "2026-Q1"));
            assertThat(c.sentence()).isEqualTo(LAUNCH);
            assertThat(c.figures()).extracting(KeyFigure::metric, KeyFigure::value, KeyFigure::unit)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("shipments", 1_000_000.0, "units"));
            assertThat(c.source().url()).isEqualTo("https://www.example.com/a/1");
        });
        assertThat(traditional).singleElement().satisfies(c -> {
            assertThat(c.key()).isEqualTo(simplified.get(0).key());
            assertThat(c.identity().planned()).isEqualTo("2026-Q2");
        });
    }

    @Test
    void anOrgWatchListMatchesByEnglishAlias() {
        AlertRule rule = rule("by-alias", List.of("product_announcement"), List.of("Huawei"), List.of(), List.of(), List.of(), List.of());

        assertThat(match(rule, article("https://www.example.com/a/1", "t", LAUNCH))).hasSize(1);
    }

    @Test
    void anUnwatchedCompanyDoesNotMatch() {
        AlertRule rule = rule("smic", List.of("product_announcement"), List.of("中芯国际"), List.of(), List.of(), List.of(), List.of());

        assertThat(match(rule, article("https://www.example.com/a/1", "t", LAUNCH))).isEmpty();
    }

    @Test
    void aFigureThresholdNeedsALargeEnoughFigureOfTheRightUnit() {
        Article a = article("https://www.example.com/a/1", "t", LAUNCH);
        AlertRule million = rule("m", List.of("product_announcement"), List.of(), List.of(), List.of(), List.of(),
                List.of(new AlertRule.Threshold("shipments", 1_000_000, "units")));
        AlertRule twoMillion = rule("2m", List.of("product_announcement"), List.of(), List.of(), List.of(), List.of(),
                List.of(new AlertRule.Threshold("shipments", 2_000_000, "units")));
        AlertRule wafers = rule("w", List.of("product_announcement"), List.of(), List.of(), List.of(), List.of(),
                List.of(new AlertRule.Threshold("shipments", 1, "wafers")));

        assertThat(match(million, a)).hasSize(1);
        assertThat(match(twoMillion, a)).isEmpty();
        assertThat(match(wafers, a)).isEmpty();
    }

    @Test
    void anInvestmentOfABillionDollarsMatchesADealRule() {
        AlertRule deals = rule("deals", List.of("investment_deal", "funding"), List.of(), List.of(), List.of(), List.of(),
                List.of(new AlertRule.Threshold("investment", 1e9, "USD")));

        assertThat(match(deals, article("https://www.example.com/a/3", "小米建厂", INVESTMENT))).singleElement().satisfies(c -> {
            assertThat(c.identity().org()).isEqualTo("小米");
            assertThat(c.identity().product()).isNull();
            assertThat(c.figures()).extracting(KeyFigure::value).containsExactly(2e9);
        });
    }

    @Test
    void onlyTheSelectedEventTypesMatch() {
        AlertRule launches = rule("launches", List.of("product_announcement"), List.of(), List.of(), List.of(), List.of(), List.of());
        AlertRule controls = rule("controls", List.of("export_control"), List.of(), List.of(), List.of(), List.of(), List.of());
        Article control = article("https://www.example.com/a/4", "实体清单", CONTROL);

        assertThat(match(launches, control)).isEmpty();
        assertThat(match(controls, control)).singleElement()
                .satisfies(c -> assertThat(c.identity().org()).isEqualTo("美国商务部"));
    }

    @Test
    void keywordsAreSoughtInTitleAndBodyInEitherScript() {
        Article a = article("https://www.example.com/a/1", "昇腾路线图", LAUNCH);
        AlertRule inTitle = rule("k1", List.of("product_announcement"), List.of(), List.of(), List.of("路線圖"), List.of(), List.of());
        AlertRule absent = rule("k2", List.of("product_announcement"), List.of(), List.of(), List.of("光刻机"), List.of(), List.of());

        assertThat(match(inTitle, a)).hasSize(1);
        assertThat(match(absent, a)).isEmpty();
    }

    @Test
    void sourcesMatchAParentDomainOrTheOutletName() {
        Article a = article("https://tech.sina.com.cn/it/2025-09-18/doc.shtml", "t", LAUNCH);
        AlertRule byDomain = rule("d", List.of("product_announcement"), List.of(), List.of(), List.of(), List.of("sina.com.cn"), List.of());
        AlertRule byOutlet = rule("o", List.of("product_announcement"), List.of(), List.of(), List.of(), List.of("新浪科技"), List.of());
        AlertRule other = rule("x", List.of("product_announcement"), List.of(), List.of(), List.of(), List.of("36kr.com"), List.of());

        assertThat(match(byDomain, a)).hasSize(1);
        assertThat(match(byOutlet, a)).hasSize(1);
        assertThat(match(other, a)).isEmpty();
    }

    @Test
    void aWatchedPersonMustBeNamedInTheEventsSentence() {
        String body = "余承东表示，华为将推出昇腾950PR。另据报道，任正非出席了活动。";
        int second = body.indexOf("另据");
        Analysis analysis = new Analysis(List.of(),
                List.of(new Entity("PERSON", "余承东", List.of("Richard Yu"), 1, List.of(new int[]{0, 3})),
                        new Entity("PERSON", "任正非", List.of("Ren Zhengfei"), 1, List.of(new int[]{second + 4, second + 7}))),
                List.of(),
                List.of(new Event("product_announcement", "华为", "昇腾950PR", null, "planned", "推出", body.substring(0, second), 0, second)));
        Article a = article("https://www.example.com/a/5", "t", body);
        AlertRule yu = new AlertRule("yu", List.of("product_announcement"), List.of(), List.of(), List.of("Richard Yu"),
                List.of(), List.of(), List.of(), List.of("ops"), 10);
        AlertRule ren = new AlertRule("ren", List.of("product_announcement"), List.of(), List.of(), List.of("任正非"),
                List.of(), List.of(), List.of(), List.of("ops"), 10);

        assertThat(new RuleMatcher(List.of(yu, ren), keys).match(a, analysis))
                .extracting(AlertCandidate::rule).containsExactly("yu");
    }

    @Test
    void repeatedEventsOfOneArticleMergeIntoOneCandidate() {
        String body = LAUNCH + "据悉，华为将于2026年第一季度推出昇腾950PR。";
        AlertRule rule = rule("r", List.of("product_announcement"), List.of("华为"), List.of(), List.of(), List.of(), List.of());

        assertThat(match(rule, article("https://www.example.com/a/6", "t", body))).hasSize(1);
    }
}
