package io.chipwatch.alert;

import io.chipwatch.config.ChipwatchConfig;
import io.chipwatch.config.ConfigLoader;
import io.chipwatch.run.Alerting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where the alert stage finds its rules. */
class AlertingConfigTest {

    @TempDir
    Path dir;

    @Test
    void theProfilesNameTheDefaultAlertsFileWhichFallsBackToTheCopyInTheJar() throws Exception {
        ChipwatchConfig embedded = new ConfigLoader(Map.of()).profile("embedded");

        assertThat(embedded.alerts()).isEqualTo(ChipwatchConfig.DEFAULT_ALERTS);
        // the tests run in pipeline/, where config/alerts.yml does not exist
        assertThat(Alerting.rules(ChipwatchConfig.DEFAULT_ALERTS).rules()).extracting(AlertRule::name).contains("huawei-ai-chips");
    }

    @Test
    void aConfigFileOrTheEnvironmentNamesAnotherAlertsFileAndAlertIsAStage() throws Exception {
        Path config = Files.writeString(dir.resolve("c.yml"), "stages: [nlp, alert]\nalerts: /etc/chipwatch/alerts.yml\n");

        ChipwatchConfig fromFile = new ConfigLoader(Map.of()).file(config);
        ChipwatchConfig fromEnv = new ConfigLoader(Map.of("CHIPWATCH_ALERTS", "/srv/alerts.yml")).file(config);

        assertThat(fromFile.stages()).containsExactly("nlp", "alert");
        assertThat(fromFile.alerts()).isEqualTo(Path.of("/etc/chipwatch/alerts.yml"));
        assertThat(fromEnv.alerts()).isEqualTo(Path.of("/srv/alerts.yml"));
        assertThatThrownBy(() -> Alerting.rules(Path.of("/srv/alerts.yml"))).hasMessageContaining("/srv/alerts.yml: no such alerts file");
    }
}
