package io.chipwatch.crawl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chipwatch.config.ConfigLoader;
import io.chipwatch.ops.OpsServer;
import io.chipwatch.run.ProcessHealth;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The crawler's health follows its sources' runs: DEGRADED after an hour of failures, DOWN when all fail. */
class CrawlHealthTest {

    /** A clock the test moves by hand. */
    private static final class Hands extends Clock {
        Instant now = Instant.parse("2026-03-01T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final Hands clock = new Hands();
    private final CrawlHealth health = new CrawlHealth(List.of("ithome", "36kr", "jiwei"), clock);

    private static SourceReport unreachable(String source) {
        return new SourceReport(source, 0, 0, 0, 0, 0, 1, 0, 0, Duration.ofMillis(30), List.of("cannot resolve host " + source + ".example"));
    }

    private static SourceReport fine(String source) {
        return new SourceReport(source, 20, 3, 17, 0, 0, 1, 0, 0, Duration.ofSeconds(4), List.of("one page timed out"));
    }

    @Test
    void aRunThatGotNothingThroughFailedAndOneThatGotSomethingDidNot() {
        assertThat(CrawlHealth.failed(unreachable("a"))).isTrue();
        assertThat(CrawlHealth.failed(fine("a"))).as("a failure among fetched pages").isFalse();
        assertThat(CrawlHealth.failed(new SourceReport("a", 0, 0, 0, 1, 0, 0, 0, 0, Duration.ZERO, List.of())))
                .as("a listing not modified").isFalse();
    }

    @Test
    void aSourceFailingEveryRunForAnHourDegradesTheCrawlerUntilARunGetsThrough() {
        health.record(fine("ithome"));
        health.record(fine("36kr"));
        health.record(unreachable("jiwei"));
        assertThat(health.status()).as("failing, but not for an hour yet").isEqualTo(CrawlHealth.Status.UP);
        assertThat(health.summary()).isEqualTo("1 of 3 sources failing: jiwei");

        clock.now = clock.now.plus(Duration.ofMinutes(30));
        health.record(unreachable("jiwei"));
        clock.now = clock.now.plus(Duration.ofMinutes(30));
        health.record(unreachable("jiwei"));

        assertThat(health.status()).isEqualTo(CrawlHealth.Status.DEGRADED);
        JsonNode jiwei = health.json().path("failing").path("jiwei");
        assertThat(jiwei.path("failed_runs").asInt()).isEqualTo(3);
        assertThat(jiwei.path("since").asText()).isEqualTo("2026-03-01T08:00:00Z");
        assertThat(jiwei.path("reason").asText()).isEqualTo("cannot resolve host jiwei.example");

        health.record(fine("jiwei"));
        assertThat(health.status()).isEqualTo(CrawlHealth.Status.UP);
        assertThat(health.summary()).isEmpty();
    }

    @Test
    void everySourceFailingIsDownAndTheSummaryAsksAboutTheNetwork() {
        health.record(unreachable("ithome"));
        health.record(unreachable("36kr"));
        assertThat(health.status()).as("one source has not run yet").isEqualTo(CrawlHealth.Status.UP);

        health.record(unreachable("jiwei"));

        assertThat(health.status()).isEqualTo(CrawlHealth.Status.DOWN);
        assertThat(health.summary()).startsWith("3 of 3 sources unreachable: no network? (cannot resolve host ");
    }

    @Test
    void healthAnswers503WithTheCrawlerDownAnd200WhenOnlyDegraded() throws Exception {
        var config = new ConfigLoader(Map.of()).profile("embedded");
        OpsServer.Health stagesUp = new OpsServer.Health(true, "{\"stages\":{\"index\":{\"status\":\"UP\"}},\"status\":\"UP\"}");
        try (OpsServer ops = new OpsServer("127.0.0.1", 0, () -> ProcessHealth.of(stagesUp, health, config))) {
            health.record(unreachable("jiwei"));
            clock.now = clock.now.plus(Duration.ofMinutes(61));
            HttpResponse<String> degraded = get(ops);
            health.record(unreachable("ithome"));
            health.record(unreachable("36kr"));
            HttpResponse<String> down = get(ops);

            assertThat(degraded.statusCode()).isEqualTo(200);
            JsonNode d = new ObjectMapper().readTree(degraded.body());
            assertThat(d.path("status").asText()).isEqualTo("DEGRADED");
            assertThat(d.path("components").path("crawler").path("status").asText()).isEqualTo("DEGRADED");
            assertThat(d.path("components").path("stages").path("status").asText()).isEqualTo("UP");
            assertThat(d.path("components").path("bus").path("kind").asText()).isEqualTo("journal");
            assertThat(d.path("components").path("store").path("kind").asText()).isEqualTo("lucene");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(new ObjectMapper().readTree(down.body()).path("status").asText()).isEqualTo("DOWN");
        }
    }

    private static HttpResponse<String> get(OpsServer ops) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ops.port() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
