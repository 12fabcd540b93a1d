package io.chipwatch.crawl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CrawlStateTest {

    private static final Instant AT = Instant.parse("2024-04-23T02:00:00Z");

    @Test
    void survivesReopening(@TempDir Path dir) throws Exception {
        long simhash = 0xF0F0_1234_ABCD_0001L;
        try (CrawlState state = CrawlState.open(dir)) {
            assertThat(state.markSeen("https://www.ithome.com/0/765/432.htm", "ithome", AT)).isTrue();
            assertThat(state.markSeen("https://www.ithome.com/0/765/432.htm", "ithome-tag", AT.plusSeconds(60))).isFalse();
            state.storeValidators("https://www.ithome.com/rss/", new Validators("\"abc\"", "Tue, 23 Apr 2024 02:00:00 GMT"));
            state.storeValidators("https://www.ithome.com/rss/", new Validators("\"def\"", null));
            state.addFingerprint(simhash, "https://www.ithome.com/0/765/432.htm", "ithome-765432");
            state.markDuplicate("https://www.163.com/dy/article/J0ABCDEF0511B8LM.html", "https://www.ithome.com/0/765/432.htm");
        }

        try (CrawlState state = CrawlState.open(dir)) {
            assertThat(state.isSeen("https://www.ithome.com/0/765/432.htm")).isTrue();
            assertThat(state.seen("https://www.ithome.com/0/765/432.htm")).contains(new SeenUrl("https://www.ithome.com/0/765/432.htm", "ithome", AT));
            assertThat(state.isSeen("https://www.ithome.com/0/765/433.htm")).isFalse();
            assertThat(state.validators("https://www.ithome.com/rss/")).contains(new Validators("\"def\"", null));
            // a negative long (top bit set) and one within 3 bits of it
            assertThat(state.nearDuplicateOf(simhash ^ 0b101)).map(Fingerprint::articleId).contains("ithome-765432");
            assertThat(state.nearDuplicateOf(simhash ^ 0b1111)).isEmpty();
            assertThat(state.nearDuplicateOf(simhash ^ 0b1111, 4)).isPresent();
            assertThat(state.duplicateOf("https://www.163.com/dy/article/J0ABCDEF0511B8LM.html")).contains("https://www.ithome.com/0/765/432.htm");
        }
    }

    @Test
    void aTruncatedLastLineIsSkippedAndCutOff(@TempDir Path dir) throws Exception {
        try (CrawlState state = CrawlState.open(dir)) {
            state.markSeen("https://example.cn/a/1", "s", AT);
            state.markSeen("https://example.cn/a/2", "s", AT);
        }
        Path file = dir.resolve(CrawlState.FILE_NAME);
        // what a kill in the middle of a write leaves behind
        Files.writeString(file, "{\"t\":\"seen\",\"url\":\"https://example.cn/a/3\",\"sou", StandardOpenOption.APPEND);

        try (CrawlState state = CrawlState.open(dir)) {
            assertThat(state.isSeen("https://example.cn/a/1")).isTrue();
            assertThat(state.isSeen("https://example.cn/a/2")).isTrue();
            assertThat(state.isSeen("https://example.cn/a/3")).isFalse();
            state.markSeen("https://example.cn/a/4", "s", AT);
        }
        try (CrawlState state = CrawlState.open(dir)) {
            assertThat(state.seenCount()).isEqualTo(3);
            assertThat(state.isSeen("https://example.cn/a/4")).isTrue();
        }
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).hasSize(3).allMatch(l -> l.startsWith("{") && l.endsWith("}"));
    }

    @Test
    void aGarbledLineInTheMiddleIsSkipped(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(CrawlState.FILE_NAME);
        Files.writeString(file, """
                {"t":"seen","url":"https://example.cn/a/1","source":"s","at":"2024-04-23T02:00:00Z"}
                not json at all
                {"t":"fingerprint","simhash":"zz","url":"https://example.cn/a/1","articleId":"a1"}
                {"t":"seen","url":"https://example.cn/a/2","source":"s","at":"2024-04-23T02:00:00Z"}
                """);

        try (CrawlState state = CrawlState.open(dir)) {
            assertThat(state.seenCount()).isEqualTo(2);
            assertThat(state.fingerprintCount()).isZero();
        }
    }

    @Test
    void concurrentMarkSeenKeepsEveryUrlOnce(@TempDir Path dir) throws Exception {
        int threads = 4;
        int perThread = 250;
        AtomicInteger newlyMarked = new AtomicInteger();
        try (CrawlState state = CrawlState.open(dir, false)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < perThread; i++) {
                            // half the URLs are shared by all threads, half are the thread's own
                            String url = i % 2 == 0 ? "https://example.cn/shared/" + i : "https://example.cn/t" + thread + "/" + i;
                            if (state.markSeen(url, "src" + thread, AT)) {
                                newlyMarked.incrementAndGet();
                            }
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            int expected = perThread / 2 + threads * perThread / 2;
            assertThat(newlyMarked.get()).isEqualTo(expected);
            assertThat(state.seenCount()).isEqualTo(expected);
        }
        try (CrawlState state = CrawlState.open(dir)) {
            assertThat(state.seenCount()).isEqualTo(perThread / 2 + threads * perThread / 2);
        }
        assertThat(Files.readAllLines(dir.resolve(CrawlState.FILE_NAME))).hasSize(perThread / 2 + threads * perThread / 2);
    }

    @Test
    void aSecondOpenOfTheSameFolderIsRefused(@TempDir Path dir) throws Exception {
        try (CrawlState state = CrawlState.open(dir)) {
            assertThatThrownBy(() -> CrawlState.open(dir)).isInstanceOf(IOException.class).hasMessageContaining("in use");
        }
    }

    @Test
    void aClosedStateRefusesWrites(@TempDir Path dir) throws Exception {
        CrawlState state = CrawlState.open(dir);
        state.close();

        assertThatThrownBy(() -> state.markSeen("https://example.cn/a/1", "s", AT)).isInstanceOf(IllegalStateException.class);
    }
}
