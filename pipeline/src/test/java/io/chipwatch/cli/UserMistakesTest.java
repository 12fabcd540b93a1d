package io.chipwatch.cli;

import io.chipwatch.nlp.Gazetteer;
import io.chipwatch.store.LuceneSearchStore;
import io.chipwatch.store.SearchStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ordinary mistakes of a new user, each run through the real CLI in a child process: each ends
 * in a line or two naming the file, option or key at fault and what to do, no stack trace, and
 * exit 2 for usage and configuration errors, 1 for failures while working.
 */
class UserMistakesTest {

    @TempDir
    static Path dir;

    static int closedPort;

    /** One mistake: the command line, its environment, the exit status and what stderr must say. */
    record Mistake(String what, List<String> args, Map<String, String> env, int exit, List<String> says) {
        @Override
        public String toString() {
            return what;
        }
    }

    @BeforeAll
    static void files() throws IOException {
        Files.writeString(dir.resolve("lots.yml"), "bus:\n  kind: memory\n  partitions: lots\nstore:\n  partitions: 3\n");
        Files.writeString(dir.resolve("bad-sources.yml"), "crawler:\n  concurrency: many\nsources:\n  - name: x\n    discover:\n"
                + "      - {type: feed, url: 'https://example.com/rss'}\n    schedule: 'every hour'\n");
        Files.writeString(dir.resolve("bad-alerts.yml"), "rules:\n  - name: r\n    orgs: [华为]\n    colour: red\n");
        Files.writeString(dir.resolve("bad-rules.yml"), "sites:\n  - hosts: [example.com]\n    bdy: article\n");
        Files.writeString(dir.resolve("page.html"), "<html><body><p>芯片</p></body></html>");
        Files.writeString(dir.resolve("saved.ndjson"), "{}\n");
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
    }

    static Stream<Mistake> mistakes() {
        String closed = "http://127.0.0.1:" + closedPort;
        return Stream.of(
                new Mistake("a command that does not exist", List.of("frob"), Map.of(), 2,
                        List.of("Unmatched argument at index 0: 'frob'", "Try 'chipwatch --help'")),
                new Mistake("an impossible option value", List.of("run", "--progress", "0"), Map.of(), 2,
                        List.of("--progress must be at least 1 second, not 0", "Try 'chipwatch run --help'")),
                new Mistake("a malformed date", List.of("figures", "--from", "2025-13-01"), Map.of(), 2,
                        List.of("Invalid value for option '--from'")),
                new Mistake("a missing configuration file", List.of("run", "--config", "nope.yml"), Map.of(), 2,
                        List.of("nope.yml: no such configuration file (check --config)")),
                new Mistake("a wrong type and a key in the wrong section", List.of("ingest", "--config", "lots.yml", "page.html"),
                        Map.of(), 2, List.of("lots.yml:3: bus.partitions: 'lots' is not a whole number",
                                "lots.yml: store.partitions: unknown key 'partitions'")),
                new Mistake("a wrong type in the environment", List.of("alerts", "list"), Map.of("CHIPWATCH_BUS_PARTITIONS", "lots"), 2,
                        List.of("CHIPWATCH_BUS_PARTITIONS (over profile embedded): 'lots' is not a whole number")),
                new Mistake("an unknown profile", List.of("search", "--profile", "cloud", "芯片"), Map.of(), 2,
                        List.of("--profile cloud: no such profile; profiles are embedded and kafka")),
                new Mistake("crawl with a missing sources file", List.of("crawl", "--once", "--sources", "nope-sources.yml"), Map.of(), 2,
                        List.of("nope-sources.yml: no such sources file")),
                new Mistake("run with a missing sources file", List.of("run", "--sources", "nope-sources.yml"), Map.of(), 2,
                        List.of("nope-sources.yml: no such sources file")),
                new Mistake("a sources file with mistakes", List.of("crawl", "--once", "--sources", "bad-sources.yml"), Map.of(), 2,
                        List.of("bad-sources.yml:2: crawler.concurrency: 'many' is not a whole number")),
                new Mistake("an alerts file with an unknown key", List.of("alerts", "test", "r", "--alerts", "bad-alerts.yml"), Map.of(), 2,
                        List.of("bad-alerts.yml: rules[0].colour: unknown key 'colour'")),
                new Mistake("a missing alerts file", List.of("alerts", "test", "r", "--alerts", "nope-alerts.yml"), Map.of(), 2,
                        List.of("nope-alerts.yml: no such alerts file")),
                new Mistake("a site rules file with a typo", List.of("extract", "--site-rules", "bad-rules.yml", "page.html"), Map.of(), 2,
                        List.of("bad-rules.yml: sites[0].bdy: unknown key 'bdy'")),
                new Mistake("a missing site rules file", List.of("extract", "--site-rules", "nope-rules.yml", "page.html"), Map.of(), 2,
                        List.of("nope-rules.yml: no such file")),
                new Mistake("searching a folder with no index", List.of("search", "--data", "nowhere", "芯片"), Map.of(), 2,
                        List.of("no data folder ", "check --data")),
                new Mistake("an Elasticsearch that is not running", List.of("search", "--profile", "kafka", "芯片"),
                        Map.of("CHIPWATCH_STORE_URLS", closed), 1, List.of("ConnectException", "is the service running")),
                new Mistake("a Kibana that is not running", List.of("kibana", "import", "--url", closed, "--file", "saved.ndjson"), Map.of(), 1,
                        List.of("cannot reach Kibana at " + closed + " (ConnectException)", "Check --url")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void aMistakeEndsInAClearMessageAndTheRightStatus(Mistake mistake) throws Exception {
        Result r = chipwatch(mistake.args(), mistake.env());

        assertThat(r.exit()).as("exit status; stderr:%n%s", r.err()).isEqualTo(mistake.exit());
        for (String line : mistake.says()) {
            assertThat(r.err()).contains(line);
        }
        assertThat(r.err()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception:\n")
                .doesNotContainPattern("(?m)^(java|io\\.chipwatch|com\\.fasterxml)\\.\\S+(Exception|Error)");
    }

    @Test
    void aLockedIndexIsAFailureThatSaysWhatToDo() throws Exception {
        Path data = dir.resolve("locked");
        try (SearchStore holder = LuceneSearchStore.open(data.resolve("index"), Gazetteer.defaults())) {
            Result r = chipwatch(List.of("ingest", "--data", data.toString(), "page.html"), Map.of());

            assertThat(r.exit()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).contains("the search index is in use by another chipwatch process", "pass --data to a copy")
                    .doesNotContain("\tat ");
        }
    }

    @Test
    void debugShowsTheStackTrace() throws Exception {
        Result flag = chipwatch(List.of("run", "--config", "nope.yml", "--debug"), Map.of());
        Result env = chipwatch(List.of("run", "--config", "nope.yml"), Map.of("CHIPWATCH_LOG_LEVEL", "DEBUG"));

        assertThat(flag.exit()).isEqualTo(2);
        assertThat(flag.err()).contains("\tat io.chipwatch.config.ConfigLoader").contains("no such configuration file");
        assertThat(env.err()).contains("\tat io.chipwatch.config.ConfigLoader");
    }

    @Test
    void logLinesCarryTheDateAndTimeOrAreJsonWhenAsked() throws Exception {
        Map<String, String> env = Map.of("CHIPWATCH_STORE_URLS", "http://127.0.0.1:" + closedPort);
        Result text = chipwatch(List.of("search", "--profile", "kafka", "芯片"), env);
        Result json = chipwatch(List.of("search", "--profile", "kafka", "--log-format", "json", "芯片"), env);

        assertThat(text.err()).containsPattern("(?m)^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2}) WARN  ElasticsearchRetries - ");
        List<String> logLines = json.err().lines().filter(l -> !l.startsWith("chipwatch: ")).toList();
        assertThat(logLines).isNotEmpty();
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String line : logLines) {
            com.fasterxml.jackson.databind.JsonNode event = mapper.readTree(line);
            assertThat(event.path("timestamp").asLong()).isPositive();
            assertThat(event.path("level").asText()).isEqualTo("WARN");
            assertThat(event.path("loggerName").asText()).isEqualTo("io.chipwatch.store.ElasticsearchRetries");
            assertThat(event.path("formattedMessage").asText()).contains("cannot set up the indices");
        }
        assertThat(json.exit()).isEqualTo(1);
    }

    @Test
    void aCrawlWhereEverySourceFailsIsAFailureThatAsksAboutTheNetwork() throws Exception {
        Path sources = Files.writeString(dir.resolve("dead-sources.yml"), """
                crawler:
                  connect_timeout_seconds: 1
                  max_attempts: 1
                  allow: [127.0.0.1]
                  jitter_seconds: 0
                sources:
                  - name: one
                    discover: [{type: feed, url: 'http://127.0.0.1:%d/feed.xml'}]
                  - name: two
                    discover: [{type: feed, url: 'http://127.0.0.1:%d/rss'}]
                """.formatted(closedPort, closedPort));

        Result r = chipwatch(List.of("crawl", "--once", "--sources", sources.toString()), Map.of("CHIPWATCH_DATA", dir.resolve("dead").toString()));

        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("chipwatch: 2 of 2 sources unreachable: no network?");
    }

    record Result(int exit, String err) {
    }

    static Result chipwatch(List<String> args, Map<String, String> env) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xss8m", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(args);
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("CHIPWATCH_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(args + " did not end; stderr:\n" + Files.readString(err));
        }
        return new Result(p.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
    }
}
