package io.chipwatch.store;

import io.chipwatch.nlp.Gazetteer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LuceneSearchStoreTest extends SearchStoreContract {

    private static final Gazetteer GAZETTEER = loadGazetteer();

    @TempDir
    Path dir;

    @Override
    protected SearchStore newStore() {
        return LuceneSearchStore.inMemory(GAZETTEER);
    }

    @Test
    void keepsItsDocumentsInAFolderAcrossCloseAndReopen() {
        try (SearchStore first = LuceneSearchStore.open(dir, GAZETTEER)) {
            first.index(List.of(new Indexable.Article(YMTC, List.of(YMTC_INVESTMENT), List.of(YMTC_EXPANSION))));
        }
        assertThat(dir.resolve("articles")).isDirectory();

        try (SearchStore reopened = LuceneSearchStore.open(dir, GAZETTEER)) {
            assertThat(reopened.articles(articles("武汉", null)).hits()).containsExactly(YMTC);
            assertThat(reopened.figures(figures("长江存储", "investment")).hits()).containsExactly(YMTC_INVESTMENT);
            assertThat(reopened.events(events(null, "长江存储")).hits()).containsExactly(YMTC_EXPANSION);

            // Replacing still works on an index that was reopened.
            reopened.index(List.of(new Indexable.Article(YMTC, List.of(), List.of(YMTC_EXPANSION))));
            reopened.refresh();
            assertThat(reopened.articles(articles(null, null)).total()).isEqualTo(1);
            assertThat(reopened.figures(figures(null, null)).total()).isZero();
            assertThat(reopened.events(events(null, null)).total()).isEqualTo(1);
        }
    }

    @Test
    void aSecondStoreOnTheSameFolderIsRefused() {
        SearchStore first = LuceneSearchStore.open(dir, GAZETTEER);
        try {
            assertThatThrownBy(() -> LuceneSearchStore.open(dir, GAZETTEER))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("lock")
                    .satisfies(e -> assertThat(((StoreException) e).retryable()).isTrue());
        } finally {
            first.close();
        }
    }

    @Test
    void aCorruptIndexIsReportedAsNotRetryable() throws IOException {
        Files.createDirectories(dir.resolve("articles"));
        Files.writeString(dir.resolve("articles").resolve("segments_1"), "not a Lucene commit");

        assertThatThrownBy(() -> LuceneSearchStore.open(dir, GAZETTEER))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(dir.toString())
                .satisfies(e -> assertThat(((StoreException) e).retryable()).isFalse());
    }

    @Test
    void threadsMayIndexAndSearchAtOnce() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                ArticleDoc copy = new ArticleDoc("copy-" + i, null, NVIDIA.title(), NVIDIA.published(), null, null, "zh",
                        NVIDIA.body(), NVIDIA.entities(), NVIDIA.aliases());
                done.add(threads.submit(() -> store.index(List.of(new Indexable.Article(copy, List.of(), List.of())))));
                done.add(threads.submit(() -> store.articles(articles("英伟达", null))));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        store.refresh();

        assertThat(store.articles(articles("英伟达", null)).total()).isEqualTo(40);
    }

    @Test
    void indexedDocumentsAreSearchableAsSoonAsIndexReturns() {
        assertThat(store.articles(articles(null, null)).total()).isZero();

        store.index(List.of(new Indexable.Article(NVIDIA, List.of(), List.of(NVIDIA_EXPORT_CONTROL))));

        assertThat(store.articles(articles(null, null)).total()).isEqualTo(1);
        assertThat(store.events(events(null, null)).hits()).containsExactly(NVIDIA_EXPORT_CONTROL);
    }

    @Test
    void aReadOnlyStoreSeesEachCommitOfTheWriterOnTheSameFolderWithoutTakingItsLock() {
        try (SearchStore reader = LuceneSearchStore.openReadOnly(dir, GAZETTEER);
             SearchStore writer = LuceneSearchStore.open(dir, GAZETTEER)) {
            assertThat(reader.articles(articles(null, null)).total()).isZero();

            writer.index(List.of(new Indexable.Article(YMTC, List.of(YMTC_INVESTMENT), List.of(YMTC_EXPANSION))));
            assertThat(reader.articles(articles("武汉", null)).hits()).containsExactly(YMTC);
            assertThat(reader.figures(figures("长江存储", "investment")).hits()).containsExactly(YMTC_INVESTMENT);

            writer.index(List.of(new Indexable.Article(YMTC, List.of(), List.of(YMTC_EXPANSION)),
                    new Indexable.Article(CAMBRICON, List.of(CAMBRICON_SHIPMENTS), List.of(CAMBRICON_LAUNCH)), CAMBRICON_ALERT));
            assertThat(reader.articles(articles(null, null)).total()).isEqualTo(2);
            assertThat(reader.figures(figures(null, null)).hits()).containsExactly(CAMBRICON_SHIPMENTS);
            assertThat(reader.events(events(null, null)).total()).isEqualTo(2);
            assertThat(reader.alerts(alerts(null, null)).hits()).containsExactly(CAMBRICON_ALERT);
        }
    }

    @Test
    void aReadOnlyStoreOnAFolderWithNoIndexYetFindsNothingCreatesNothingAndRefusesToWrite() {
        Path none = dir.resolve("not-yet");
        try (SearchStore reader = LuceneSearchStore.openReadOnly(none, GAZETTEER)) {
            assertThat(reader.articles(articles(null, null)).total()).isZero();
            assertThat(reader.figures(figures(null, null)).total()).isZero();
            reader.refresh();
            assertThatThrownBy(() -> reader.index(List.of(new Indexable.Article(NVIDIA, List.of(), List.of()))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("read-only");
        }
        assertThat(none).doesNotExist();
    }

    @Test
    void aQueryOfAnotherKindIsRejected() {
        assertThatThrownBy(() -> store.articles(figures(null, "investment")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FIGURES");
    }

    @Test
    void closingTwiceIsHarmlessAndAClosedStoreSaysSo() {
        store.close();
        store.close();

        assertThatThrownBy(() -> store.articles(articles(null, null))).isInstanceOf(IllegalStateException.class);
    }

    private static Gazetteer loadGazetteer() {
        try {
            return Gazetteer.defaults();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
