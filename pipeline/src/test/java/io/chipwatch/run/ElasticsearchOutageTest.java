package io.chipwatch.run;

import io.chipwatch.bus.Bus;
import io.chipwatch.bus.Topics;
import io.chipwatch.config.ChipwatchConfig;
import io.chipwatch.model.RawPage;
import io.chipwatch.nlp.Gazetteer;
import io.chipwatch.nlp.NlpAnalyzer;
import io.chipwatch.services.ElasticsearchNode;
import io.chipwatch.services.ElasticsearchNodeExtension;
import io.chipwatch.services.KafkaBroker;
import io.chipwatch.services.KafkaBrokerExtension;
import io.chipwatch.services.KafkaGroups;
import io.chipwatch.stage.RecordCodec;
import io.chipwatch.store.SearchQuery;
import io.chipwatch.store.SearchStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Elasticsearch stopped for 30 s in the middle of a run, then started again: the index stage waits and retries, never
 * dead-letters, and once it is back every article is indexed exactly once.
 */
@ExtendWith({KafkaBrokerExtension.class, ElasticsearchNodeExtension.class})
class ElasticsearchOutageTest {

    @TempDir
    Path dir;

    @Test
    void nothingIsLostOrDuplicatedWhileElasticsearchIsAway(KafkaBroker broker, ElasticsearchNode node) throws Exception {
        KafkaGroups.skipPipelineGroupsToEnd(broker, 4);
        String prefix = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        Gazetteer gazetteer = Gazetteer.defaults();
        RecordCodec codec = new RecordCodec();
        ChipwatchConfig config = config(broker, node.url(), prefix);
        try (Bus bus = Components.bus(config); SearchStore store = Components.store(config, gazetteer);
             StageProcess process = new StageProcess(config, bus, NlpAnalyzer::withDefaults, () -> store)) {
            process.start();
            publish(bus, codec, prefix, 0, 5);
            awaitIndexed(store, 5, 120);

            node.stopForAWhile();
            try {
                publish(bus, codec, prefix, 5, 10);
                Thread.sleep(30_000);
                assertThat(process.progress()).contains("index: 5 done, 0 to DLQ");
            } finally {
                node.startAgain();
            }

            awaitIndexed(store, 10, 180);
            assertThat(count(store)).isEqualTo(10);
            assertThat(process.progress()).contains("index: 10 done, 0 to DLQ");
        }
    }

    private static ChipwatchConfig config(KafkaBroker broker, String url, String prefix) {
        return new ChipwatchConfig(Path.of("unused"), new ChipwatchConfig.Bus("kafka", 4, 1000, broker.bootstrapServers(), (short) 1),
                new ChipwatchConfig.Store("elasticsearch", List.of(url), prefix, null, null, null, null, false),
                List.of("extract", "nlp", "index"));
    }

    private static void publish(Bus bus, RecordCodec codec, String prefix, int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            String html = "<html><head><meta charset=utf-8><title>长鑫存储扩产第" + i + "期</title></head><body><h1>长鑫存储扩产第" + i
                    + "期</h1><div class=info>2025-10-25 10:20</div><div class=article><p>长鑫存储宣布第" + i
                    + "期扩产计划，月产能预计增加" + (i + 1) + "万片晶圆，新产线将于明年投产。</p><p>业内人士认为，这一进展值得关注。</p></div></body></html>";
            RawPage page = new RawPage(html.getBytes(StandardCharsets.UTF_8), URI.create("https://news.example.cn/" + prefix + "/" + i), null, null);
            bus.publish(Topics.PAGES, page.url().toString(), codec.page(page, null)).get(30, TimeUnit.SECONDS);
        }
    }

    private static long count(SearchStore store) {
        store.refresh();
        return store.articles(new SearchQuery(SearchQuery.Kind.ARTICLES, "长鑫存储", null, null, null, null, 100)).total();
    }

    private static void awaitIndexed(SearchStore store, long expected, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (count(store) < expected && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertThat(count(store)).isEqualTo(expected);
    }
}
