package io.chipwatch.alert;

import io.chipwatch.nlp.Gazetteer;
import io.chipwatch.store.AlertDoc;
import io.chipwatch.store.LuceneSearchStore;
import io.chipwatch.store.SearchQuery;
import io.chipwatch.store.SearchStore;
import io.chipwatch.store.StoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code index} sink on the embedded Lucene store. */
class IndexAlertSinkTest {

    private static Gazetteer gazetteer;

    private SearchStore store;

    @BeforeAll
    static void loadGazetteer() throws IOException {
        gazetteer = Gazetteer.defaults();
    }

    @BeforeEach
    void openStore() {
        store = LuceneSearchStore.inMemory(gazetteer);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private static SearchQuery alerts(String text, String entity) {
        return new SearchQuery(SearchQuery.Kind.ALERTS, text, entity, null, null, null, 10);
    }

    @Test
    void aDeliveredAlertIsSearchableWithItsFieldsAsText() throws DeliveryException {
        Alert alert = Fixtures.alert();

        new IndexAlertSink("archive", () -> store).deliver(alert);
        store.refresh();

        AlertDoc doc = store.alerts(alerts(null, "华为")).hits().get(0);
        assertThat(doc.id()).isEqualTo(alert.id());
        assertThat(doc.kind()).isEqualTo("NEW");
        assertThat(doc.version()).isEqualTo(1);
        assertThat(doc.rule()).isEqualTo("huawei-ai-chips");
        assertThat(doc.product()).isEqualTo("昇腾950PR");
        assertThat(doc.eventType()).isEqualTo("product_announcement");
        assertThat(doc.planned()).isEqualTo("2026-Q1");
        assertThat(doc.headline()).isEqualTo(alert.headline());
        assertThat(doc.sentence()).isEqualTo(alert.sentence());
        assertThat(doc.figures()).containsExactly("shipments 1000000 units 2026-Q1");
        assertThat(doc.sourceUrls()).containsExactly("https://news.example.cn/a/1");
        assertThat(doc.sourceTitles()).containsExactly("华为公布昇腾芯片路线图");
        assertThat(doc.created()).isEqualTo(Fixtures.NOW);
        assertThat(doc.changes()).isEmpty();
        assertThat(store.alerts(alerts("出货量", null)).hits()).containsExactly(doc);
    }

    @Test
    void deliveringTheSameAlertAgainKeepsOneDocument() throws DeliveryException {
        IndexAlertSink sink = new IndexAlertSink("archive", () -> store);
        Alert alert = Fixtures.alert();

        sink.deliver(alert);
        sink.deliver(alert);
        store.refresh();

        assertThat(store.alerts(alerts(null, null)).total()).isEqualTo(1);
    }

    @Test
    void anUpdateIsADocumentOfItsOwnWithWhatChanged() throws DeliveryException {
        Alert first = Fixtures.alert();
        Alert update = new AlertComposer().next(first, Fixtures.candidate("2026-Q2", List.of(Fixtures.shipments()),
                "https://other.example.cn/b/2"), Fixtures.NOW.plusSeconds(60)).alert();
        IndexAlertSink sink = new IndexAlertSink("archive", () -> store);

        sink.deliver(first);
        sink.deliver(update);
        store.refresh();

        List<AlertDoc> newestFirst = store.alerts(alerts(null, null)).hits();
        assertThat(newestFirst).extracting(AlertDoc::id).containsExactly(update.id(), first.id());
        assertThat(newestFirst.get(0).kind()).isEqualTo("UPDATE");
        assertThat(newestFirst.get(0).changes()).isEqualTo(update.changes()).isNotEmpty();
        assertThat(newestFirst.get(0).sourceUrls()).contains("https://other.example.cn/b/2");
    }

    @Test
    void aStoreThatMayComeBackIsARetryableFailure() {
        IndexAlertSink sink = new IndexAlertSink("archive", () -> {
            throw new StoreException("cannot index 1 documents (another process holds its write lock)", true, null);
        });

        assertThatThrownBy(() -> sink.deliver(Fixtures.alert()))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("write lock")
                .satisfies(e -> assertThat(((DeliveryException) e).retryable()).isTrue());
    }

    @Test
    void sinksBuildTheIndexTypeWithoutParamsAndWithoutAStoreItsDeliveriesFailForGood() {
        Sinks withStore = new Sinks(Map.<String, String>of()::get, HttpClient.newHttpClient(), Clock.systemUTC(), () -> store);
        Sinks without = new Sinks(Map.<String, String>of()::get, HttpClient.newHttpClient(), Clock.systemUTC());

        assertThat(withStore.build(new SinkConfig("index", "archive", Map.of()))).isInstanceOf(IndexAlertSink.class);
        assertThatThrownBy(() -> withStore.build(new SinkConfig("index", "archive", Map.of("index", "alerts"))))
                .hasMessageContaining("unknown param index");
        assertThatThrownBy(() -> without.build(new SinkConfig("index", "archive", Map.of())).deliver(Fixtures.alert()))
                .isInstanceOf(DeliveryException.class)
                .hasMessageContaining("no search store")
                .satisfies(e -> assertThat(((DeliveryException) e).retryable()).isFalse());
    }
}
