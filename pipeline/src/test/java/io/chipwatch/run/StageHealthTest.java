package io.chipwatch.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chipwatch.bus.Bus;
import io.chipwatch.bus.InMemoryBus;
import io.chipwatch.ops.OpsServer;
import io.chipwatch.stage.Stage;
import io.chipwatch.stage.StageRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /health} over real runners and a real ops server: a stage that stopped on its own is DOWN, with its reason. */
class StageHealthTest {

    private final Bus bus = new InMemoryBus(1, 1_000);
    private final Map<String, StageRunner> runners = new LinkedHashMap<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (StageRunner r : runners.values()) {
            r.close();
            r.awaitStopped(Duration.ofSeconds(10));
        }
        bus.close();
    }

    @Test
    void aStageThatDiedOfAFatalErrorIsDownAndNamedWhileTheOthersAreUp() throws Exception {
        Stage healthy = input -> List.of();
        Stage fatal = input -> {
            throw new OutOfMemoryError("Java heap space (thrown by the test)");
        };
        runners.put("extract", start(new StageRunner(bus, "g-extract", List.of("in.a"), healthy, Duration.ofMillis(50))));
        StageRunner nlp = start(new StageRunner(bus, "g-nlp", List.of("in.b"), fatal, Duration.ofMillis(50)));
        runners.put("nlp", nlp);

        assertThat(StageHealth.firstStopped(runners)).isEmpty();
        try (OpsServer ops = new OpsServer("127.0.0.1", 0, () -> StageHealth.of(runners))) {
            assertThat(get(ops).statusCode()).isEqualTo(200);

            bus.publish("in.b", "k", "page").join();
            assertThat(nlp.awaitStopped(Duration.ofSeconds(10))).isTrue();

            HttpResponse<String> down = get(ops);
            assertThat(down.statusCode()).isEqualTo(503);
            JsonNode health = new ObjectMapper().readTree(down.body());
            assertThat(health.path("status").asText()).isEqualTo("DOWN");
            assertThat(health.path("stages").path("extract").path("status").asText()).isEqualTo("UP");
            assertThat(health.path("stages").path("nlp").path("status").asText()).isEqualTo("DOWN");
            assertThat(health.path("stages").path("nlp").path("reason").asText()).contains("OutOfMemoryError", "Java heap space");
        }
        assertThat(StageHealth.firstStopped(runners)).get().asString().startsWith("nlp: java.lang.OutOfMemoryError");
    }

    private static HttpResponse<String> get(OpsServer ops) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ops.port() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static StageRunner start(StageRunner runner) {
        Thread thread = new Thread(runner, "runner-" + runner.stageName());
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> { });
        thread.start();
        return runner;
    }
}
