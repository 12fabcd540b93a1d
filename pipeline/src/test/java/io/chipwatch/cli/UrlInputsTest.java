package io.chipwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * URL inputs of {@code extract} and {@code ingest} are fetched as the crawler fetches: no
 * loopback, private or metadata address (however written, and after a redirect too) unless
 * {@code --allow}ed, bodies cut at the size limit, responses cut at the read timeout.
 */
class UrlInputsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAGE = "<html><head><meta charset=utf-8><title>长鑫存储扩产_示例网</title></head><body>"
            + "<h1>长鑫存储扩产</h1><div class=article><p>长鑫存储宣布扩大产能，新产线预计明年投产，月产能将提升三成。</p>"
            + "<p>业内人士认为，这一进展值得关注，国产存储芯片的份额有望继续提升。</p></div></body></html>";

    @TempDir
    Path dir;

    private HttpServer server;
    private ExecutorService handlers;
    private final AtomicInteger pageRequests = new AtomicInteger();
    private final AtomicBoolean stop = new AtomicBoolean();
    private Path sources;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        handlers = Executors.newCachedThreadPool();
        server.setExecutor(handlers);  // the endless bodies must not hold up the other requests
        server.createContext("/robots.txt", ex -> respond(ex, 404, new byte[0]));
        server.createContext("/page.html", ex -> {
            pageRequests.incrementAndGet();
            respond(ex, 200, PAGE.getBytes(StandardCharsets.UTF_8));
        });
        server.createContext("/to-loopback", ex -> {
            ex.getResponseHeaders().add("Location", "http://127.0.0.2:" + port() + "/page.html");
            respond(ex, 302, new byte[0]);
        });
        server.createContext("/endless", ex -> stream(ex, 64 * 1024, 0));
        server.createContext("/drip", ex -> stream(ex, 1, 200));
        server.start();
        // fast and small, so the limits are met quickly: 1 MB bodies, 2 s responses, one attempt, no host delay
        sources = Files.writeString(dir.resolve("sources.yml"), """
                crawler:
                  read_timeout_seconds: 2
                  max_body_mb: 1
                  max_attempts: 1
                  host_delay_seconds: 0
                """);
    }

    @AfterEach
    void stopServer() {
        stop.set(true);
        server.stop(0);
        handlers.shutdownNow();
    }

    private int port() {
        return server.getAddress().getPort();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"127.0.0.1", "[::1]", "2130706433", "0.0.0.0", "localhost", "127.1"})
    void aLoopbackAddressHoweverWrittenIsRefusedWithoutAllow(String host) throws IOException {
        String url = "http://" + host + ":" + port() + "/page.html";

        Run run = run("extract", "--sources", sources.toString(), url);

        assertThat(run.code).isEqualTo(1);
        assertThat(run.records).singleElement().satisfies(r -> assertThat(r.get("error").asText())
                .contains("BLOCKED").contains("--allow"));
        assertThat(pageRequests.get()).as("the page was never requested").isZero();
    }

    @Test
    void anAllowedLocalHostIsFetchedAndExtracted() throws IOException {
        String url = "http://127.0.0.1:" + port() + "/page.html";

        Run run = run("extract", "--sources", sources.toString(), "--allow", "127.0.0.1", url);

        assertThat(run.code).as(run.err).isZero();
        assertThat(run.records).singleElement().satisfies(r -> {
            assertThat(r.get("title").asText()).isEqualTo("长鑫存储扩产");
            assertThat(r.get("url").asText()).isEqualTo(url);
        });
    }

    @Test
    void aRedirectFromAnAllowedHostToAnotherLoopbackAddressIsRefused() throws IOException {
        Run run = run("extract", "--sources", sources.toString(), "--allow", "127.0.0.1",
                "http://127.0.0.1:" + port() + "/to-loopback");

        assertThat(run.code).isEqualTo(1);
        assertThat(run.records).singleElement().satisfies(r -> assertThat(r.get("error").asText())
                .contains("BLOCKED", "127.0.0.2", "redirected from"));
        assertThat(pageRequests.get()).isZero();
    }

    @Test
    void anEndlessBodyEndsWithAClearErrorRecordAndTheBatchGoesOn() throws IOException {
        Run run = run("extract", "--sources", sources.toString(), "--allow", "127.0.0.1",
                "http://127.0.0.1:" + port() + "/endless", "http://127.0.0.1:" + port() + "/page.html");

        assertThat(run.code).isEqualTo(1);
        assertThat(run.records).hasSize(2);
        assertThat(run.records.get(0).get("error").asText()).contains("TOO_LARGE", "larger than 1048576 bytes");
        assertThat(run.records.get(1).get("title").asText()).isEqualTo("长鑫存储扩产");
    }

    @Test
    void aSlowDripBodyEndsAtTheReadTimeoutWithAClearErrorRecord() throws IOException {
        Run run = run("extract", "--sources", sources.toString(), "--allow", "127.0.0.1", "http://127.0.0.1:" + port() + "/drip");

        assertThat(run.code).isEqualTo(1);
        assertThat(run.records).singleElement().satisfies(r -> assertThat(r.get("error").asText()).contains("FAILED", "timed out"));
    }

    @Test
    void ingestRefusesALoopbackUrlAndIndexesNothingFromIt() throws IOException {
        Path data = dir.resolve("data");

        Run run = run("ingest", "--data", data.toString(), "--sources", sources.toString(), "http://127.0.0.1:" + port() + "/page.html");

        assertThat(run.code).isEqualTo(1);
        assertThat(run.out).contains("indexed 0 of 1 pages");
        assertThat(run.err).contains("cannot read http://127.0.0.1:" + port() + "/page.html", "BLOCKED", "--allow");
        assertThat(pageRequests.get()).isZero();
    }

    private static void respond(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    /** Sends chunks of this size with this pause between them until the client goes away or the test ends. */
    private void stream(HttpExchange ex, int chunk, long pauseMillis) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        ex.sendResponseHeaders(200, 0);
        byte[] bytes = "<p>没完没了</p>".repeat(chunk).substring(0, chunk).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = ex.getResponseBody()) {
            while (!stop.get()) {
                out.write(bytes);
                out.flush();
                if (pauseMillis > 0) {
                    Thread.sleep(pauseMillis);
                }
            }
        } catch (IOException | InterruptedException clientGone) {
            // the fetcher gave up, as it should
        }
    }

    private Run run(String... args) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        picocli.CommandLine cli = Main.commandLine(new PrintStream(out, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]));
        cli.setErr(new java.io.PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        int code = cli.execute(args);
        List<JsonNode> records = new ArrayList<>();
        String text = out.toString(StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            if (line.startsWith("{")) {
                records.add(JSON.readTree(line));
            }
        }
        return new Run(code, text, err.toString(StandardCharsets.UTF_8), records);
    }

    private record Run(int code, String out, String err, List<JsonNode> records) {
    }
}
