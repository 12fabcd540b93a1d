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
import io.chipwatch.stage.RecordCodec;
import io.chipwatch.store.SearchHits;
import io.chipwatch.store.SearchQuery;
import io.chipwatch.store.SearchStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The production shape: pages through Kafka, every stage, into Elasticsearch; each document exactly once. */
@ExtendWith({KafkaBrokerExtension.class, ElasticsearchNodeExtension.class})
class KafkaElasticsearchEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void articlesFiguresAndEventsLandInElasticsearchExactlyOnce(KafkaBroker broker, ElasticsearchNode node) throws Exception {
        io.chipwatch.services.KafkaGroups.skipPipelineGroupsToEnd(broker, 4);
        String prefix = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        ChipwatchConfig config = new ChipwatchConfig(dir,
                new ChipwatchConfig.Bus("kafka", 4, 1000, broker.bootstrapServers(), (short) 1),
                new ChipwatchConfig.Store("elasticsearch", List.of(node.url()), prefix, null, null, null, null, false),
                List.of("extract", "nlp", "index"));
        Gazetteer gazetteer = Gazetteer.defaults();
        String[] companies = {"寒武纪", "摩尔线程", "壁仞科技", "沐曦", "天数智芯", "燧原科技"};
        RecordCodec codec = new RecordCodec();
        try (Bus bus = Components.bus(config); SearchStore store = Components.store(config, gazetteer);
             StageProcess process = new StageProcess(config, bus, NlpAnalyzer::withDefaults, () -> store)) {
            process.start();
            List<CompletableFuture<Void>> acks = new ArrayList<>();
            for (int i = 0; i < companies.length; i++) {
                String html = "<html><head><meta charset=utf-8><title>" + companies[i] + "发布新芯片</title></head><body><h1>"
                        + companies[i] + "发布新芯片</h1><div class=info>2025-10-2" + i + " 10:20</div><div class=article><p>"
                        + companies[i] + "今日发布新一代AI训练芯片TX" + (100 + i) + "，预计2026年出货量超过" + (i + 1) + "万颗。</p><p>"
                        + "业内人士认为，这一进展值得关注，后续发展有待观察。</p></div></body></html>";
                RawPage page = new RawPage(html.getBytes(StandardCharsets.UTF_8), URI.create("https://news.example.cn/" + prefix + "/" + i + ".html"), null, null);
                acks.add(bus.publish(Topics.PAGES, page.url().toString(), codec.page(page, null)));
                // the same story again under the same URL: a replay must not add documents
                acks.add(bus.publish(Topics.PAGES, page.url().toString(), codec.page(page, null)));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            SearchHits<?> articles;
            do {
                Thread.sleep(500);
                store.refresh();
                articles = store.articles(new SearchQuery(SearchQuery.Kind.ARTICLES, "芯片", null, null, null, null, 100));
            } while ((articles.total() < companies.length || !process.progress().contains("index: " + 2 * companies.length + " done"))
                    && System.nanoTime() < deadline);
            store.refresh();

            assertThat(store.articles(new SearchQuery(SearchQuery.Kind.ARTICLES, "芯片", null, null, null, null, 100)).total())
                    .isEqualTo(companies.length);
            SearchHits<io.chipwatch.store.FigureDoc> figures = store.figures(new SearchQuery(SearchQuery.Kind.FIGURES, null, null, "shipments", null, null, 100));
            Set<String> ids = new HashSet<>();
            figures.hits().forEach(f -> ids.add(f.id()));
            assertThat(figures.total()).isEqualTo(companies.length);
            assertThat(ids).hasSize(companies.length);
            SearchHits<io.chipwatch.store.EventDoc> events = store.events(new SearchQuery(SearchQuery.Kind.EVENTS, null, null, null, null, null, 100));
            assertThat(events.hits()).extracting(io.chipwatch.store.EventDoc::type).containsOnly("product_announcement");
            assertThat(events.hits()).extracting(io.chipwatch.store.EventDoc::product).contains("TX101");
            assertThat(events.total()).isEqualTo(companies.length);

            SearchHits<io.chipwatch.store.FigureDoc> moore = store.figures(new SearchQuery(SearchQuery.Kind.FIGURES, null, "摩尔线程", null, null, null, 10));
            assertThat(moore.hits()).singleElement().satisfies(f -> {
                assertThat(f.value()).isEqualTo(20_000);
                assertThat(f.period()).isEqualTo("2026");
                assertThat(f.title()).isEqualTo("摩尔线程发布新芯片");
            });
        }
    }
}
