package io.chipwatch.alert;

import io.chipwatch.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code chipwatch alerts test} against a real receiver, {@code chipwatch alerts list} on a ledger. */
class AlertsCommandTest {

    @TempDir
    Path dir;

    private record Run(int code, String out) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]), args);
        return new Run(code, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aTestAlertGoesThroughEverySinkOfTheRuleAndEachSaysHowItWent() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            // PATH is set wherever the test runs; it stands in for a signing secret
            Path rules = Files.writeString(dir.resolve("alerts.yml"), String.join("\n",
                    "rules:",
                    "  - {name: launches, orgs: [寒武纪], sinks: [desk, broken]}",
                    "sinks:",
                    "  - {type: webhook, name: desk, params: {url: \"" + receiver.uri("/hook") + "\", secret_env: PATH}}",
                    "  - {type: webhook, name: broken, params: {url: \"" + receiver.uri("/x") + "\", secret_env: CHIPWATCH_TEST_UNSET_7}}",
                    ""), StandardCharsets.UTF_8);

            Run r = run("alerts", "test", "launches", "--alerts", rules.toString());

            assertThat(r.code()).isEqualTo(1);
            assertThat(r.out()).contains("desk: OK", "broken: FAILED: ", "CHIPWATCH_TEST_UNSET_7").doesNotContain(System.getenv("PATH"));
            assertThat(receiver.requests()).singleElement().satisfies(req -> {
                assertThat(req.body()).contains("【测试】", "寒武纪", "\"rule\":\"launches\"");
                assertThat(req.header(WebhookSink.SIGNATURE_HEADER)).startsWith("sha256=");
            });
        }
    }

    @Test
    void listShowsTheSentAlertsNewestFirstWithTheirDeliveries() {
        Alert first = Fixtures.alert();
        Alert update = new AlertComposer().next(first, Fixtures.candidate("2026-Q2", List.of(Fixtures.shipments()),
                "https://other.example.cn/b/2"), Fixtures.NOW.plusSeconds(60)).alert();
        try (FileAlertLedger ledger = FileAlertLedger.open(dir.resolve("data").resolve("alerts"))) {
            ledger.sent(first, "a1", List.of("desk"));
            ledger.markDelivered(first.id(), "desk");
            ledger.sent(update, "a2", List.of("desk"));
        }

        Run r = run("alerts", "list", "--data", dir.resolve("data").toString(), "--limit", "5");

        assertThat(r.code()).isZero();
        String[] lines = r.out().strip().split("\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).contains("UPDATE v2", "huawei-ai-chips", "2026-Q2", "desk pending", update.id());
        assertThat(lines[1]).contains("NEW v1", "desk delivered", first.id());
    }
}
