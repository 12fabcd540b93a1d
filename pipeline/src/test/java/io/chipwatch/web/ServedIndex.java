package io.chipwatch.web;

import io.chipwatch.cli.Main;
import io.chipwatch.nlp.Gazetteer;
import io.chipwatch.store.AlertDoc;
import io.chipwatch.store.LuceneSearchStore;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small real index served by a real {@code chipwatch serve} child process: the made-up news
 * pages of {@code web/pages} (test resources) ingested through extract → nlp → index by
 * {@code chipwatch ingest}, plus two alerts as the index alert sink stores them.
 */
final class ServedIndex implements AutoCloseable {

    static final List<String> PAGES = List.of("huawei-q1", "huawei-q2", "cambricon-q1", "cambricon-q2", "nvidia-export",
            "qualcomm-launch", "ymtc-invest");
    private static final Pattern SERVING = Pattern.compile("serving (http://\\S+/)");

    private final Process process;
    private final URI base;
    private final Path data;

    private ServedIndex(Process process, URI base, Path data) {
        this.process = process;
        this.base = base;
        this.data = data;
    }

    /** The data folder served (its index under {@code index}). */
    Path data() {
        return data;
    }

    static ServedIndex start(Path dir) throws IOException, InterruptedException {
        Path pages = Files.createDirectories(dir.resolve("pages"));
        for (String page : PAGES) {
            try (InputStream in = ServedIndex.class.getResourceAsStream("/web/pages/" + page + ".html")) {
                Files.copy(in, pages.resolve(page + ".html"));
            }
        }
        Path data = dir.resolve("data");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]),
                "ingest", "--data", data.toString(), pages.toString());
        if (code != 0) {
            throw new IllegalStateException("ingest failed (" + code + "): " + out.toString(StandardCharsets.UTF_8));
        }
        try (LuceneSearchStore store = LuceneSearchStore.open(data.resolve("index"), Gazetteer.defaults())) {
            store.index(List.of(
                    alert("al-1", "高通", "骁龙8至尊版", "新品发布: 高通 骁龙8至尊版", "2024-10-22T12:30:00Z"),
                    alert("al-2", "华为", "昇腾", "量产: 华为 昇腾", "2024-07-20T03:00:00Z")));
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--data", data.toString(), "--http-port", "0")
                .redirectErrorStream(true).start();
        CompletableFuture<URI> started = new CompletableFuture<>();
        StringBuilder log = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    synchronized (log) {
                        log.append(line).append('\n');
                    }
                    Matcher m = SERVING.matcher(line);
                    if (m.find()) {
                        started.complete(URI.create(m.group(1)));
                    }
                }
            } catch (IOException e) {
                started.completeExceptionally(e);
            }
            started.completeExceptionally(new IllegalStateException("serve ended before serving: " + log));
        }, "serve-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new ServedIndex(p, started.get(120, TimeUnit.SECONDS), data);
        } catch (Exception e) {
            p.destroyForcibly();
            throw new IllegalStateException("chipwatch serve did not start: " + log, e);
        }
    }

    private static AlertDoc alert(String id, String org, String product, String headline, String created) {
        return new AlertDoc(id, "NEW", 1, "ai-chip-launches", org, product, "product_announcement", null, headline,
                null, List.of(), List.of("https://news.example.cn/chips/" + id + ".html"), List.of(headline),
                Instant.parse(created), List.of());
    }

    URI base() {
        return base;
    }

    URI uri(String pathAndQuery) {
        return base.resolve(pathAndQuery.startsWith("/") ? pathAndQuery.substring(1) : pathAndQuery);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
