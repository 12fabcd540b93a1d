package io.chipwatch.store;

import io.chipwatch.nlp.ChineseSegmenter;
import io.chipwatch.nlp.Gazetteer;
import io.chipwatch.services.ElasticsearchNode;
import io.chipwatch.services.ElasticsearchNodeExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract on a real Elasticsearch node (one per test run). Each test gets its own index
 * prefix, and its indices and templates are deleted afterwards, so tests cannot see each other.
 */
@ExtendWith(ElasticsearchNodeExtension.class)
class ElasticsearchSearchStoreTest extends SearchStoreContract {

    private static final Gazetteer GAZETTEER = loadGazetteer();
    // Building the segmenter's dictionary takes a while: once for the class, it is thread-safe and immutable.
    private static final ChineseSegmenter SEGMENTER = new ChineseSegmenter(GAZETTEER);

    private final ElasticsearchNode node;
    private final String prefix = "cwtest-" + UUID.randomUUID().toString().substring(0, 8);
    private final HttpClient http = HttpClient.newHttpClient();

    ElasticsearchSearchStoreTest(ElasticsearchNode node) {
        this.node = node;
    }

    @Override
    protected SearchStore newStore() {
        return ElasticsearchSearchStore.open(config(), GAZETTEER, SEGMENTER);
    }

    private ElasticsearchConfig config() {
        return ElasticsearchConfig.of(node.url()).withIndexPrefix(prefix);
    }

    @AfterEach
    void deleteIndices() throws Exception {
        send("DELETE", "/" + prefix + "-*");
        send("DELETE", "/_index_template/" + prefix + "-*");
    }

    @Test
    void startingCreatesTemplatesVersionedIndicesAndAliases() throws Exception {
        for (String kind : List.of("articles", "figures", "events", "alerts")) {
            HttpResponse<String> alias = send("GET", "/_alias/" + prefix + "-" + kind);
            assertThat(alias.statusCode()).isEqualTo(200);
            assertThat(alias.body()).contains("\"" + prefix + "-" + kind + "-v1\"").contains("\"is_write_index\":true");
            HttpResponse<String> template = send("GET", "/_index_template/" + prefix + "-" + kind);
            assertThat(template.statusCode()).isEqualTo(200);
            assertThat(template.body()).contains(prefix + "-" + kind + "-v*");
        }
        HttpResponse<String> mapping = send("GET", "/" + prefix + "-articles/_mapping");
        assertThat(mapping.body()).contains("\"whitespace\"").contains("\"strict\"");

        // Opening again (another process, a restart) keeps what is there.
        store.index(List.of(new Indexable.Article(NVIDIA, List.of(), List.of())));
        store.refresh();
        try (SearchStore again = newStore()) {
            assertThat(again.articles(articles("英伟达", null)).hits()).containsExactly(NVIDIA);
        }
    }

    @Test
    void anUnreachableClusterIsARetryableFailureAfterTheRetries() {
        int nothingListens;
        try (ServerSocket s = new ServerSocket(0)) {
            nothingListens = s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ElasticsearchConfig dead = ElasticsearchConfig.of("http://127.0.0.1:" + nothingListens)
                .withIndexPrefix(prefix).withRetries(3, Duration.ofMillis(20));

        long start = System.nanoTime();
        assertThatThrownBy(() -> ElasticsearchSearchStore.open(dead, GAZETTEER, SEGMENTER))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("3 times")
                .satisfies(e -> assertThat(((StoreException) e).retryable()).isTrue());
        // Two waits: 20 ms and 40 ms.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(60));
    }

    @Test
    void aDocumentTheMappingRejectsIsANonRetryableFailureNamingIt() {
        FigureDoc notANumber = new FigureDoc("a2-f99", "a2", "investment", Double.NaN, null, "CNY",
                null, "长江存储", null, null, YMTC.published(), YMTC.url(), YMTC.title(), "投资金额未知");

        assertThatThrownBy(() -> store.index(List.of(new Indexable.Article(YMTC, List.of(YMTC_INVESTMENT, notANumber), List.of()))))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("a2-f99")
                .hasMessageContaining("400")
                .satisfies(e -> assertThat(((StoreException) e).retryable()).isFalse());
    }

    @Test
    void reindexingReplacesFiguresIndexedButNotYetRefreshed() {
        store.index(List.of(new Indexable.Article(YMTC, List.of(YMTC_INVESTMENT), List.of(YMTC_EXPANSION))));
        // No refresh in between: the old figure and event must still be found and deleted.
        store.index(List.of(new Indexable.Article(YMTC, List.of(), List.of())));
        store.refresh();

        assertThat(store.articles(articles(null, null)).hits()).containsExactly(YMTC);
        assertThat(store.figures(figures(null, null)).total()).isZero();
        assertThat(store.events(events(null, null)).total()).isZero();
    }

    @Test
    void aQueryOfAnotherKindIsRejected() {
        assertThatThrownBy(() -> store.articles(figures(null, "investment")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("FIGURES");
    }

    @Test
    void configNeverShowsSecrets() {
        ElasticsearchConfig secret = ElasticsearchConfig.of("https://es.example.cn:9200")
                .withApiKey("c2VjcmV0LWtleQ==").withBasicAuth("chipwatch", "hunter2");

        assertThat(secret.toString()).doesNotContain("c2VjcmV0LWtleQ==").doesNotContain("hunter2").contains("chipwatch");
        assertThatThrownBy(() -> ElasticsearchConfig.of("http://user:pw@es.example.cn:9200"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("pw");
    }

    private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(node.url() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static Gazetteer loadGazetteer() {
        try {
            return Gazetteer.defaults();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
