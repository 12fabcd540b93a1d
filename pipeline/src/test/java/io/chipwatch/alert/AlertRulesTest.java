package io.chipwatch.alert;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertRulesTest {

    private static final Map<String, String> ENV = Map.of(
            "CHIPWATCH_DINGTALK_URL", "https://oapi.dingtalk.com/robot/send?access_token=abc123def456",
            "CHIPWATCH_DINGTALK_SECRET", "SECdingtalk",
            "CHIPWATCH_FEISHU_URL", "https://open.feishu.cn/open-apis/bot/v2/hook/2f6a4c1e-0000-4000-8000-123456789abc",
            "CHIPWATCH_FEISHU_SECRET", "feishu-secret",
            "CHIPWATCH_WEBHOOK_SECRET", "webhook-secret",
            "CHIPWATCH_SMTP_PASSWORD", "smtp-password");

    @Test
    void theShippedFileLoadsAndBuildsItsSinks() throws IOException {
        AlertRules rules = AlertRules.load(Path.of("../config/alerts.yml"));

        assertThat(rules.rules()).extracting(AlertRule::name)
                .containsExactly("huawei-ai-chips", "big-shipments", "large-investments", "export-controls");
        AlertRule investments = rules.rules().get(2);
        assertThat(investments.figures()).contains(new AlertRule.Threshold("investment", 1e9, "USD"));
        assertThat(investments.maxPerHour()).isEqualTo(5);
        assertThat(rules.rules().get(1).maxPerHour()).isEqualTo(AlertRules.DEFAULT_MAX_PER_HOUR);
        assertThat(new Sinks(ENV::get, java.net.http.HttpClient.newHttpClient(), java.time.Clock.systemUTC()).build(rules.sinks()))
                .containsOnlyKeys("analysts-dingtalk", "policy-feishu", "archive-webhook", "archive-index", "research-mail");
        assertThat(rules.rules().get(0).sinks()).contains("archive-index");
    }

    @Test
    void eventTypesDefaultToProductAnnouncements() {
        AlertRules rules = AlertRules.parse("""
                rules:
                  - name: any-launch
                    sinks: [hook]
                sinks:
                  - {type: webhook, name: hook, params: {url: "http://127.0.0.1:1/x", secret_env: S}}
                """, "test");

        assertThat(rules.rules().get(0).events()).containsExactly("product_announcement");
    }

    @Test
    void anUnknownKeyIsRefusedByNameAndPlace() {
        assertThatThrownBy(() -> AlertRules.parse("""
                rules:
                  - name: typo
                    keyword: [芯片]
                    sinks: [hook]
                sinks:
                  - {type: webhook, name: hook}
                """, "alerts.yml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alerts.yml").hasMessageContaining("rules[0].keyword: unknown key 'keyword'")
                .hasMessageContaining("keywords");
    }

    @Test
    void anUnknownEventTypeIsRefused() {
        assertThatThrownBy(() -> AlertRules.parse("""
                rules:
                  - {name: r, events: [product_launch], sinks: [hook]}
                sinks:
                  - {type: webhook, name: hook}
                """, "alerts.yml"))
                .hasMessageContaining("unknown event type product_launch")
                .hasMessageContaining("product_announcement");
    }

    @Test
    void aRuleMayOnlyNameDefinedSinks() {
        assertThatThrownBy(() -> AlertRules.parse("""
                rules:
                  - {name: r, sinks: [nowhere]}
                """, "alerts.yml"))
                .hasMessageContaining("rules[0] (r): sink nowhere is not defined");
    }

    @Test
    void aThresholdMayBeWrittenWithSeparatorsOrAnExponent() {
        AlertRules rules = AlertRules.parse("""
                rules:
                  - name: r
                    figures:
                      - {metric: shipments, min: "1,000,000", unit: units}
                      - {metric: investment, min: 1e9, unit: USD}
                    sinks: [hook]
                sinks:
                  - {type: webhook, name: hook}
                """, "test");

        assertThat(rules.rules().get(0).figures()).extracting(AlertRule.Threshold::min).containsExactly(1e6, 1e9);
    }

    @Test
    void aSecretWrittenIntoTheFileIsRefusedWithoutEchoingIt() {
        AlertRules rules = AlertRules.parse("""
                sinks:
                  - {type: dingtalk, name: ops, params: {url_env: U, secret: SEC-do-not-print}}
                """, "test");
        Sinks sinks = new Sinks(Map.of("U", "https://oapi.dingtalk.com/robot/send?access_token=t")::get,
                java.net.http.HttpClient.newHttpClient(), java.time.Clock.systemUTC());

        assertThatThrownBy(() -> sinks.build(rules.sinks()))
                .hasMessageContaining("sink ops (dingtalk): params.secret would put a secret in the file")
                .hasMessageNotContaining("SEC-do-not-print");
    }

    @Test
    void anUnsetVariableAndAnUnknownParamAreNamed() {
        Sinks sinks = new Sinks(Map.<String, String>of()::get, java.net.http.HttpClient.newHttpClient(), java.time.Clock.systemUTC());

        assertThatThrownBy(() -> sinks.build(new SinkConfig("wecom", "wx", Map.of("url_env", "CHIPWATCH_WECOM_URL"))))
                .hasMessageContaining("environment variable CHIPWATCH_WECOM_URL (params.url_env) is not set");
        assertThatThrownBy(() -> sinks.build(new SinkConfig("slack", "sl", Map.of("url_env", "X", "channel", "#chips"))))
                .hasMessageContaining("unknown param channel");
        assertThatThrownBy(() -> sinks.build(new SinkConfig("pager", "p", Map.of())))
                .hasMessageContaining("unknown type pager");
    }

    @Test
    void everyMistakeOfAnAlertsFileIsReportedAtOnce() {
        io.chipwatch.yaml.InvalidConfigException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                io.chipwatch.yaml.InvalidConfigException.class, () -> AlertRules.parse("""
                        rules:
                          - name: a
                            events: [product_launch]
                            max_per_hour: lots
                            sinks: [ops]
                          - name: b
                            orgs: 华为
                            sinks: [nowhere]
                        sinks:
                          - {type: webhook, name: ops, params: {url: "http://x"}}
                        """, "alerts.yml"));

        assertThat(e.problems()).hasSize(2);
        assertThat(e.problems().get(0)).isEqualTo("alerts.yml:4: rules[0].max_per_hour: 'lots' is not a whole number");
        assertThat(e.problems().get(1)).startsWith("alerts.yml:7: rules[1].orgs: expected a list, found text '华为'");
    }
}
