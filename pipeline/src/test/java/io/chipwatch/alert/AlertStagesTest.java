package io.chipwatch.alert;

import io.chipwatch.bus.BusRecord;
import io.chipwatch.bus.Topics;
import io.chipwatch.model.Analysis;
import io.chipwatch.model.Article;
import io.chipwatch.nlp.NlpAnalyzer;
import io.chipwatch.stage.AlertStage;
import io.chipwatch.stage.DeliveryStage;
import io.chipwatch.stage.RecordCodec;
import io.chipwatch.stage.Stage;
import io.chipwatch.stage.TransientStageException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The alert and delivery stages on their own, records handled twice as after a crash. */
class AlertStagesTest {

    private static final String LAUNCH = "华为将于2026年第一季度推出昇腾950PR芯片，预计出货量将超过100万颗。";

    private static NlpAnalyzer nlp;
    private final RecordCodec codec = new RecordCodec();
    private final AlertRule rule = new AlertRule("huawei", List.of("product_announcement"), List.of("华为"), List.of(), List.of(),
            List.of(), List.of(), List.of(), List.of("desk", "archive"), 10);

    @TempDir
    Path dir;

    @BeforeAll
    static void loadModels() {
        nlp = NlpAnalyzer.withDefaults();
    }

    private AlertStage stage(AlertLedger ledger) {
        return new AlertStage(List.of(rule), new RuleMatcher(List.of(rule), new IdentityKeys()), ledger, codec,
                Clock.fixed(Fixtures.NOW, ZoneOffset.UTC));
    }

    private BusRecord enriched(String id, String url) {
        Article a = new Article(id, url, null, "华为路线图", OffsetDateTime.parse("2025-09-18T10:00:00+08:00"), null, "新浪科技", "zh",
                LAUNCH, "UTF-8");
        Analysis analysis = nlp.analyze(a);
        return new BusRecord(Topics.ENRICHED, 0, 0, id, codec.enriched(a, analysis));
    }

    @Test
    void anArticleHandledAgainAfterACrashPublishesTheSameAlertAgainAndARepostNothing() throws Exception {
        try (FileAlertLedger ledger = FileAlertLedger.open(dir)) {
            BusRecord record = enriched("a1", "https://news.example.cn/a/1");
            List<Stage.Output> first = stage(ledger).process(record);
            // a new stage on the same ledger, as after a restart
            List<Stage.Output> again = stage(ledger).process(record);
            List<Stage.Output> repost = stage(ledger).process(enriched("a2", "https://other.example.cn/b/2"));

            assertThat(first).extracting(Stage.Output::topic, Stage.Output::key).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(Topics.ALERTS, first.get(0).key()),
                    org.assertj.core.groups.Tuple.tuple(Topics.ALERT_DELIVERIES, "desk"),
                    org.assertj.core.groups.Tuple.tuple(Topics.ALERT_DELIVERIES, "archive"));
            assertThat(again).isEqualTo(first);
            assertThat(repost).isEmpty();
            assertThat(ledger.last("huawei", new AlertCodec().readAlert(first.get(0).value()).key()).orElseThrow().sources()).hasSize(2);
        }
    }

    @Test
    void deliveryHappensOncePerAlertAndSinkAndASinkThatIsDownKeepsItsRecord() throws Exception {
        Alert alert = Fixtures.alert();
        List<String> delivered = new ArrayList<>();
        boolean[] down = {true};
        AlertSink desk = new AlertSink() {
            public String name() {
                return "desk";
            }

            public void deliver(Alert a) throws DeliveryException {
                if (down[0]) {
                    throw new DeliveryException("sink desk: HTTP 503", true);
                }
                delivered.add(a.id());
            }
        };
        AlertSink refusing = new AlertSink() {
            public String name() {
                return "refusing";
            }

            public void deliver(Alert a) throws DeliveryException {
                throw new DeliveryException("sink refusing: HTTP 403: bad signature", false);
            }
        };
        try (FileAlertLedger ledger = FileAlertLedger.open(dir)) {
            ledger.sent(alert, "a1", List.of("desk", "refusing"));
            DeliveryStage stage = new DeliveryStage(Map.of("desk", desk, "refusing", refusing), ledger);
            BusRecord toDesk = new BusRecord(Topics.ALERT_DELIVERIES, 0, 0, "desk", new AlertCodec().delivery(alert, "desk"));

            assertThatThrownBy(() -> stage.process(toDesk)).isInstanceOf(TransientStageException.class).hasMessageContaining("503");
            down[0] = false;
            stage.process(toDesk);
            stage.process(toDesk);

            assertThat(delivered).containsExactly(alert.id());
            assertThat(ledger.delivered(alert.id(), "desk")).isTrue();
            assertThatThrownBy(() -> stage.process(new BusRecord(Topics.ALERT_DELIVERIES, 0, 1, "refusing",
                    new AlertCodec().delivery(alert, "refusing")))).isInstanceOf(DeliveryException.class).hasMessageContaining("403");
            assertThat(ledger.pending()).containsExactly(new AlertLedger.Pending(alert, "refusing"));
        }
    }
}
