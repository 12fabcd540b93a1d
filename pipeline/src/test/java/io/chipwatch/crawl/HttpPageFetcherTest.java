package io.chipwatch.crawl;

import io.chipwatch.crawl.FetchResult.Status;
import io.chipwatch.crawl.TestSite.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class HttpPageFetcherTest {

    private static final String HTML = "text/html; charset=utf-8";

    private TestSite site;

    @BeforeEach
    void startSite() throws IOException {
        site = TestSite.start();
    }

    @AfterEach
    void stopSite() {
        site.close();
    }

    @Test
    void robotsDisallowedPathIsNeverRequested() throws Exception {
        site.robots("User-agent: *\nDisallow: /private/\n");
        site.page("/private/secret.html", HTML, "<p>secret</p>");
        site.page("/public.html", HTML, "<p>public</p>");
        try (HttpPageFetcher fetcher = fetcher(new Settings())) {
            FetchResult secret = fetcher.fetch(get("/private/secret.html"));
            FetchResult open = fetcher.fetch(get("/public.html"));

            assertThat(secret.status()).isEqualTo(Status.DISALLOWED);
            assertThat(secret.reason()).contains("robots.txt").contains("/private/secret.html");
            assertThat(open.status()).isEqualTo(Status.OK);
        }
        assertThat(site.requestsTo("/private/secret.html")).isEmpty();
        assertThat(site.requestsTo("/robots.txt")).hasSize(1);
    }

    @Test
    void robotsRulesForOurAgentApply() throws Exception {
        site.robots("User-agent: chipwatch\nDisallow: /\n\nUser-agent: *\nAllow: /\n");
        site.page("/a.html", HTML, "a");
        try (HttpPageFetcher fetcher = fetcher(new Settings())) {
            assertThat(fetcher.fetch(get("/a.html")).status()).isEqualTo(Status.DISALLOWED);
        }
        assertThat(site.requestsTo("/a.html")).isEmpty();
    }

    @Test
    void unavailableRobotsFailsTheHostForNowWithoutFetchingThePage() throws Exception {
        site.respond("/robots.txt", Reply.status(503));
        site.page("/a.html", HTML, "a");
        try (HttpPageFetcher fetcher = fetcher(new Settings())) {
            FetchResult result = fetcher.fetch(get("/a.html"));

            // a site whose robots.txt cannot be read is down, not closed to us: a failure to retry later
            assertThat(result.status()).isEqualTo(Status.FAILED);
            assertThat(result.reason()).contains("temporarily").contains("503");
            assertThat(site.requestsTo("/a.html")).isEmpty();
        }
        assertThat(site.requestsTo("/a.html")).isEmpty();
    }

    @Test
    void robotsCrawlDelaySpacesRequestsToTheHost() throws Exception {
        site.robots("User-agent: *\nCrawl-delay: 1\n");
        site.page("/a.html", HTML, "a");
        site.page("/b.html", HTML, "b");
        try (HttpPageFetcher fetcher = fetcher(new Settings())) {
            assertThat(fetcher.fetch(get("/a.html")).status()).isEqualTo(Status.OK);
            assertThat(fetcher.fetch(get("/b.html")).status()).isEqualTo(Status.OK);
        }
        List<TestSite.Request> requests = site.requests();
        assertThat(requests).extracting(TestSite.Request::path).containsExactly("/robots.txt", "/a.html", "/b.html");
        assertThat(gapsMillis(requests)).allSatisfy(gap -> assertThat(gap).isGreaterThanOrEqualTo(1000));
    }

    @Test
    void hostDelayHoldsForConcurrentCallers() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        for (int i = 0; i < 4; i++) {
            site.handle("/p" + i, exchange -> {
                mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                TestSite.sleep(Duration.ofMillis(50));
                inFlight.decrementAndGet();
                TestSite.send(exchange, Reply.ok(HTML, "page"));
            });
        }
        Settings settings = new Settings();
        settings.hostDelay = Duration.ofMillis(200);
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try (HttpPageFetcher fetcher = fetcher(settings)) {
            List<Future<FetchResult>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                FetchRequest request = get("/p" + i);
                results.add(callers.submit(() -> fetcher.fetch(request)));
            }
            for (Future<FetchResult> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS).status()).isEqualTo(Status.OK);
            }
        } finally {
            callers.shutdownNow();
        }
        assertThat(mostInFlight.get()).isEqualTo(1);
        List<TestSite.Request> requests = site.requests();
        assertThat(requests).hasSize(5); // robots.txt and four pages
        assertThat(gapsMillis(requests)).allSatisfy(gap -> assertThat(gap).isGreaterThanOrEqualTo(200));
        // Between pages the pause starts when the previous one ends, after its handler's 50 ms.
        assertThat(gapsMillis(requests.subList(1, 5))).allSatisfy(gap -> assertThat(gap).isGreaterThanOrEqualTo(250));
    }

    @Test
    void conditionalGetAnswersNotModified() throws Exception {
        String etag = "\"v1\"";
        String lastModified = "Wed, 21 Oct 2015 07:28:00 GMT";
        site.respond("/feed.xml", Reply.ok("application/rss+xml", "<rss/>").validators(etag, lastModified));
        try (HttpPageFetcher fetcher = fetcher(new Settings())) {
            FetchResult first = fetcher.fetch(get("/feed.xml"));
            assertThat(first.status()).isEqualTo(Status.OK);
            assertThat(first.header("ETag")).isEqualTo(etag);
            assertThat(first.headers()).containsEntry("last-modified", lastModified);

            FetchResult second = fetcher.fetch(get("/feed.xml").withValidators(first.header("etag"),
                    first.header("last-modified")));
            assertThat(second.status()).isEqualTo(Status.NOT_MODIFIED);
            assertThat(second.httpStatus()).isEqualTo(304);
            assertThat(second.body()).isEmpty();
        }
        List<TestSite.Request> requests = site.requestsTo("/feed.xml");
        assertThat(requests.get(0).header("If-None-Match")).isNull();
        assertThat(requests.get(1).header("If-None-Match")).isEqualTo(etag);
        assertThat(requests.get(1).header("If-Modified-Since")).isEqualTo(lastModified);
    }

    @Test
    void retryAfterOn429IsWaitedOut() throws Exception {
        site.respond("/busy", Reply.status(429).header("Retry-After", "1"), Reply.ok(HTML, "done"));
        try (HttpPageFetcher fetcher = fetcher(new Settings())) {
            FetchResult result = fetcher.fetch(get("/busy"));

            assertThat(result.status()).isEqualTo(Status.OK);
            assertThat(new String(result.body(), StandardCharsets.UTF_8)).isEqualTo("done");
        }
        List<TestSite.Request> requests = site.requestsTo("/busy");
        assertThat(requests).hasSize(2);
        assertThat(gapsMillis(requests).get(0)).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void serverErrorIsRetried() throws Exception {
        site.respond("/flaky", Reply.status(503), Reply.ok(HTML, "fine"));
        try (HttpPageFetcher fetcher = fetcher(new Settings())) {
            assertThat(fetcher.fetch(get("/flaky")).status()).isEqualTo(Status.OK);
        }
        assertThat(site.requestsTo("/flaky")).hasSize(2);
    }

    @Test
    void persistentServerErrorFailsAfterTheLastAttempt() throws Exception {
        site.respond("/down", Reply.status(502));
        try (HttpPageFetcher fetcher = fetcher(new Settings())) {
            FetchResult result = fetcher.fetch(get("/down"));

            assertThat(result.status()).isEqualTo(Status.FAILED);
            assertThat(result.httpStatus()).isEqualTo(502);
            assertThat(result.reason()).contains("502").contains("3 attempts");
        }
        assertThat(site.requestsTo("/down")).hasSize(3);
    }

    @Test
    void retryAfterLongerThanMaxBackoffGivesUp() throws Exception {
        site.respond("/later", Reply.status(503).header("Retry-After", "120"), Reply.ok(HTML, "too late"));
        try (HttpPageFetcher fetcher = fetcher(new Settings())) {
            FetchResult result = fetcher.fetch(get("/later"));

            assertThat(result.status()).isEqualTo(Status.FAILED);
            assertThat(result.reason()).contains("retry after 120 s").contains("503");
        }
        assertThat(site.requestsTo("/later")).hasSize(1);
    }

    @Test
    void otherClientErrorsFailAtOnce() throws Exception {
        try (HttpPageFetcher fetcher = fetcher(new Settings())) {
            FetchResult result = fetcher.fetch(get("/missing"));

            assertThat(result.status()).isEqualTo(Status.FAILED);
            assertThat(result.httpStatus()).isEqualTo(404);
            assertThat(result.reason()).contains("404");
        }
        assertThat(site.requestsTo("/missing")).hasSize(1);
    }

    @Test
    void relativeRedirectIsFollowed() throws Exception {
        site.respond("/old/page", Reply.redirect(301, "../new/page?x=1"));
        site.page("/new/page", HTML, "moved");
        try (HttpPageFetcher fetcher = fetcher(new Settings())) {
            FetchResult result = fetcher.fetch(get("/old/page"));

            assertThat(result.status()).isEqualTo(Status.OK);
            assertThat(result.requested()).isEqualTo(site.url("/old/page"));
            assertThat(result.finalUrl()).isEqualTo(site.url("/new/page?x=1"));
        }
    }

    @Test
    void redirectLoopFails() throws Exception {
        site.respond("/a", Reply.redirect(302, "/b"));
        site.respond("/b", Reply.redirect(302, "/a"));
        try (HttpPageFetcher fetcher = fetcher(new Settings())) {
            FetchResult result = fetcher.fetch(get("/a"));

            assertThat(result.status()).isEqualTo(Status.FAILED);
            assertThat(result.reason()).contains("redirect loop");
        }
        assertThat(site.requestsTo("/a")).hasSize(1);
    }

    @Test
    void tooManyRedirectsFail() throws Exception {
        for (int i = 0; i < 10; i++) {
            site.respond("/r" + i, Reply.redirect(307, "/r" + (i + 1)));
        }
        Settings settings = new Settings();
        settings.maxRedirects = 3;
        try (HttpPageFetcher fetcher = fetcher(settings)) {
            FetchResult result = fetcher.fetch(get("/r0"));

            assertThat(result.status()).isEqualTo(Status.FAILED);
            assertThat(result.reason()).contains("too many redirects");
        }
        assertThat(site.requestsTo("/r4")).isEmpty();
    }

    @Test
    void slowResponseTimesOut() throws Exception {
        site.respond("/slow", Reply.ok(HTML, "late").delay(Duration.ofSeconds(2)));
        Settings settings = new Settings();
        settings.readTimeout = Duration.ofMillis(300);
        settings.maxAttempts = 2;
        long started = System.nanoTime();
        try (HttpPageFetcher fetcher = fetcher(settings)) {
            FetchResult result = fetcher.fetch(get("/slow"));

            assertThat(result.status()).isEqualTo(Status.FAILED);
            assertThat(result.reason()).contains("timed out after 300 ms").contains("2 attempts");
        }
        assertThat(site.requestsTo("/slow")).hasSize(2);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void bodyThatStallsAfterTheHeadersTimesOut() throws Exception {
        site.handle("/stall", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", HTML);
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            out.write("<html>".getBytes(StandardCharsets.UTF_8));
            out.flush();
            TestSite.sleep(Duration.ofSeconds(3));
            out.close();
        });
        Settings settings = new Settings();
        settings.readTimeout = Duration.ofMillis(300);
        settings.maxAttempts = 1;
        long started = System.nanoTime();
        try (HttpPageFetcher fetcher = fetcher(settings)) {
            FetchResult result = fetcher.fetch(get("/stall"));

            assertThat(result.status()).isEqualTo(Status.FAILED);
            assertThat(result.reason()).contains("timed out after 300 ms");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void hugeStreamedPageIsTooLarge() throws Exception {
        AtomicInteger written = new AtomicInteger();
        site.handle("/huge", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", HTML);
            exchange.sendResponseHeaders(200, 0); // chunked: no Content-Length to refuse early
            byte[] chunk = new byte[64 * 1024];
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 30 * 16; i++) {
                    out.write(chunk);
                    written.addAndGet(chunk.length);
                }
            }
        });
        Settings settings = new Settings();
        settings.maxBodyBytes = 5L * 1024 * 1024;
        try (HttpPageFetcher fetcher = fetcher(settings)) {
            FetchResult result = fetcher.fetch(get("/huge"));

            assertThat(result.status()).isEqualTo(Status.TOO_LARGE);
            assertThat(result.reason()).contains(String.valueOf(settings.maxBodyBytes));
            assertThat(result.body()).isEmpty();
        }
        assertThat(written.get()).isLessThan(30 * 1024 * 1024);
    }

    @Test
    void compressionBombIsTooLargeOnceDecoded() throws Exception {
        byte[] bomb = gzip(new byte[20 * 1024 * 1024]);
        site.respond("/bomb", Reply.ok(HTML, bomb).header("Content-Encoding", "gzip"));
        Settings settings = new Settings();
        settings.maxBodyBytes = 1024 * 1024;
        try (HttpPageFetcher fetcher = fetcher(settings)) {
            FetchResult result = fetcher.fetch(get("/bomb"));

            assertThat(bomb.length).isLessThan(1024 * 1024);
            assertThat(result.status()).isEqualTo(Status.TOO_LARGE);
            assertThat(result.reason()).contains("decoded");
        }
    }

    @Test
    void gzipAndDeflateBodiesAreDecoded() throws Exception {
        String text = "<p>芯片 chips</p>".repeat(100);
        byte[] plain = text.getBytes(StandardCharsets.UTF_8);
        site.respond("/gzip", Reply.ok(HTML, gzip(plain)).header("Content-Encoding", "gzip"));
        site.respond("/zlib", Reply.ok(HTML, deflate(plain, false)).header("Content-Encoding", "deflate"));
        site.respond("/raw", Reply.ok(HTML, deflate(plain, true)).header("Content-Encoding", "deflate"));
        try (HttpPageFetcher fetcher = fetcher(new Settings())) {
            for (String path : List.of("/gzip", "/zlib", "/raw")) {
                FetchResult result = fetcher.fetch(get(path));
                assertThat(result.status()).as(path).isEqualTo(Status.OK);
                assertThat(new String(result.body(), StandardCharsets.UTF_8)).as(path).isEqualTo(text);
            }
        }
        assertThat(site.requestsTo("/gzip").get(0).header("Accept-Encoding")).isEqualTo("gzip, deflate, br");
    }

    @Test
    void corruptEncodingFailsWithoutRetry() throws Exception {
        site.respond("/corrupt", Reply.ok(HTML, "not gzip at all").header("Content-Encoding", "gzip"));
        try (HttpPageFetcher fetcher = fetcher(new Settings())) {
            FetchResult result = fetcher.fetch(get("/corrupt"));

            assertThat(result.status()).isEqualTo(Status.FAILED);
            assertThat(result.reason()).contains("cannot read the body");
        }
        assertThat(site.requestsTo("/corrupt")).hasSize(1);
    }

    @Test
    void redirectsIntoInternalNetworksAreBlocked() throws Exception {
        site.respond("/metadata", Reply.redirect(302, "http://169.254.169.254/latest/meta-data"));
        site.respond("/intranet", Reply.redirect(302, "http://10.1.2.3/"));
        try (HttpPageFetcher fetcher = fetcher(new Settings())) {
            long started = System.nanoTime();
            FetchResult metadata = fetcher.fetch(get("/metadata"));
            FetchResult intranet = fetcher.fetch(get("/intranet"));

            assertThat(metadata.status()).isEqualTo(Status.BLOCKED);
            assertThat(metadata.reason()).contains("169.254.169.254").contains("link-local")
                    .contains("redirected from " + site.url("/metadata"));
            assertThat(metadata.finalUrl()).isEqualTo(URI.create("http://169.254.169.254/latest/meta-data"));
            assertThat(intranet.status()).isEqualTo(Status.BLOCKED);
            assertThat(intranet.reason()).contains("10.1.2.3").contains("private");
            // Nothing answers at either address: trying to connect would have taken the 2 s connect timeout.
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        }
        assertThat(site.requests()).extracting(TestSite.Request::path)
                .containsExactly("/robots.txt", "/metadata", "/intranet");
    }

    @Test
    void hostNamesResolvingToPrivateAddressesAreBlocked() throws Exception {
        HostResolver resolver = host -> host.equals("intranet.example")
                ? new InetAddress[] {InetAddress.getByAddress(host, new byte[] {(byte) 192, (byte) 168, 1, 20})}
                : HostResolver.SYSTEM.resolve(host);
        try (HttpPageFetcher fetcher = new HttpPageFetcher(new Settings().build(), resolver, Clock.systemUTC())) {
            FetchResult result = fetcher.fetch(FetchRequest.get(URI.create("https://intranet.example/wiki")));

            assertThat(result.status()).isEqualTo(Status.BLOCKED);
            assertThat(result.reason()).contains("intranet.example").contains("192.168.1.20");
        }
    }

    @Test
    void loopbackIsBlockedUnlessAllowed() throws Exception {
        site.page("/a.html", HTML, "a");
        Settings settings = new Settings();
        settings.allow = List.of();
        try (HttpPageFetcher fetcher = fetcher(settings)) {
            FetchResult result = fetcher.fetch(get("/a.html"));

            assertThat(result.status()).isEqualTo(Status.BLOCKED);
            assertThat(result.reason()).contains("127.0.0.1").contains("loopback");
        }
        assertThat(site.requests()).isEmpty();

        settings.allow = List.of("127.0.0.0/8");
        try (HttpPageFetcher fetcher = fetcher(settings)) {
            assertThat(fetcher.fetch(get("/a.html")).status()).isEqualTo(Status.OK);
        }
    }

    @Test
    void nonHttpSchemesAreBlocked() throws Exception {
        try (HttpPageFetcher fetcher = fetcher(new Settings())) {
            for (String url : List.of("ftp://127.0.0.1/pub/file.txt", "file:///etc/passwd")) {
                FetchResult result = fetcher.fetch(FetchRequest.get(URI.create(url)));
                assertThat(result.status()).as(url).isEqualTo(Status.BLOCKED);
                assertThat(result.reason()).as(url).contains("only http and https");
            }
        }
    }

    @Test
    void requestsNameUsAndCarryTheSourceHeaders() throws Exception {
        site.page("/api", "application/json", "{}");
        try (HttpPageFetcher fetcher = fetcher(new Settings())) {
            FetchRequest post = new FetchRequest(site.url("/api"), "POST", Map.of("Referer", site.base() + "/list"),
                    "page=2".getBytes(StandardCharsets.UTF_8), null, null);
            assertThat(fetcher.fetch(post).status()).isEqualTo(Status.OK);
        }
        TestSite.Request robots = site.requestsTo("/robots.txt").get(0);
        TestSite.Request api = site.requestsTo("/api").get(0);
        for (TestSite.Request request : List.of(robots, api)) {
            assertThat(request.header("User-Agent")).contains("chipwatch").contains("https://example.org/chipwatch");
            assertThat(request.header("Accept-Language")).isEqualTo("zh-CN,zh;q=0.9,en;q=0.5");
        }
        assertThat(api.method()).isEqualTo("POST");
        assertThat(api.bodyText()).isEqualTo("page=2");
        assertThat(api.header("Referer")).isEqualTo(site.base() + "/list");
    }

    private FetchRequest get(String path) {
        return FetchRequest.get(site.url(path));
    }

    private static HttpPageFetcher fetcher(Settings settings) {
        return new HttpPageFetcher(settings.build());
    }

    /** Milliseconds between consecutive arrivals. */
    private static List<Long> gapsMillis(List<TestSite.Request> requests) {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < requests.size(); i++) {
            gaps.add(TimeUnit.NANOSECONDS.toMillis(requests.get(i).arrivedNanos() - requests.get(i - 1).arrivedNanos()));
        }
        return gaps;
    }

    private static byte[] gzip(byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(plain);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] plain, boolean raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, raw);
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(out, deflater)) {
            deflate.write(plain);
        } finally {
            deflater.end();
        }
        return out.toByteArray();
    }

    /** Settings fast enough for tests; each test changes what it is about. */
    private static final class Settings {
        Duration readTimeout = Duration.ofSeconds(2);
        long maxBodyBytes = 5L * 1024 * 1024;
        int maxRedirects = 5;
        int maxAttempts = 3;
        Duration hostDelay = Duration.ofMillis(20);
        List<String> allow = List.of("127.0.0.1");

        CrawlSettings build() {
            return new CrawlSettings("chipwatch/0.1", "https://example.org/chipwatch", Duration.ofSeconds(2), readTimeout,
                    maxBodyBytes, maxRedirects, maxAttempts, Duration.ofMillis(50), Duration.ofSeconds(2), hostDelay, 4, allow);
        }
    }
}
