package io.chipwatch.stage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chipwatch.bus.Bus;
import io.chipwatch.bus.BusRecord;
import io.chipwatch.bus.KafkaBus;
import io.chipwatch.bus.Topics;
import io.chipwatch.model.Article;
import io.chipwatch.nlp.NlpAnalyzer;
import io.chipwatch.services.KafkaBroker;
import io.chipwatch.services.KafkaBrokerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The NLP stage scaled out over Kafka: two instances in one group share the partitions. */
@ExtendWith(KafkaBrokerExtension.class)
class KafkaNlpStageTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void twoNlpInstancesShareThePartitionsAndEnrichEveryArticleOnce(KafkaBroker broker) throws Exception {
        io.chipwatch.services.KafkaGroups.skipPipelineGroupsToEnd(broker, 4);
        RecordCodec codec = new RecordCodec();
        NlpAnalyzer nlp = NlpAnalyzer.withDefaults();
        try (Bus bus = new KafkaBus(broker.bootstrapServers(), (short) 1, Map.of())) {
            Map<String, Integer> topics = new HashMap<>();
            Topics.ALL.forEach(t -> topics.put(t, 4));
            bus.createTopics(topics);
            // the topics hold what earlier tests left (enriched articles without figures, alert retry notices)
            io.chipwatch.services.KafkaGroups.skipToEnd(broker, "test-reader-enriched", Topics.ENRICHED);
            io.chipwatch.services.KafkaGroups.skipToEnd(broker, "test-reader-dlq", Topics.DLQ);
            try (Bus.Consumer enriched = bus.consumer("test-reader-enriched", List.of(Topics.ENRICHED));
                 Bus.Consumer dead = bus.consumer("test-reader-dlq", List.of(Topics.DLQ))) {
                StageRunner first = new StageRunner(bus, "chipwatch-nlp", List.of(Topics.ARTICLES), new NlpStage(nlp, codec), Duration.ofMillis(200));
                StageRunner second = new StageRunner(bus, "chipwatch-nlp", List.of(Topics.ARTICLES), new NlpStage(nlp, codec), Duration.ofMillis(200));
                new Thread(first, "nlp-1").start();
                new Thread(second, "nlp-2").start();
                // publish once the group has settled, both instances holding partitions
                long settle = System.nanoTime() + PATIENCE.toNanos();
                while ((first.assignedPartitions() == 0 || second.assignedPartitions() == 0
                        || first.assignedPartitions() + second.assignedPartitions() < 4) && System.nanoTime() < settle) {
                    Thread.sleep(100);
                }
                assertThat(first.assignedPartitions() + second.assignedPartitions()).isEqualTo(4);

                int count = 120;
                List<CompletableFuture<Void>> acks = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    Article a = new Article("article-" + i, null, null, "测试" + i, OffsetDateTime.parse("2025-10-25T10:20:00+08:00"),
                            null, null, "zh", "2025年，寒武纪芯片出货量超过" + (i + 1) + "万颗。英伟达表示需求强劲。", "UTF-8");
                    acks.add(bus.publish(Topics.ARTICLES, a.id(), codec.article(a)));
                }
                acks.add(bus.publish(Topics.ARTICLES, "poison", "{not json"));
                CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get();

                Map<String, Integer> timesEnriched = new HashMap<>();
                long deadline = System.nanoTime() + PATIENCE.toNanos();
                while (timesEnriched.size() < count && System.nanoTime() < deadline) {
                    for (BusRecord r : enriched.poll(Duration.ofMillis(200))) {
                        timesEnriched.merge(r.key(), 1, Integer::sum);
                        RecordCodec.EnrichedRecord e = codec.readEnriched(r.value());
                        assertThat(e.analysis().figures()).isNotEmpty();
                    }
                }
                List<BusRecord> dlq = new ArrayList<>();
                while (dlq.isEmpty() && System.nanoTime() < deadline) {
                    dlq.addAll(dead.poll(Duration.ofMillis(200)));
                }
                first.close();
                second.close();
                assertThat(first.awaitStopped(PATIENCE)).isTrue();
                assertThat(second.awaitStopped(PATIENCE)).isTrue();

                assertThat(timesEnriched).hasSize(count);
                assertThat(timesEnriched.values()).allMatch(n -> n == 1);
                assertThat(first.processed() + second.processed()).isEqualTo(count);
                assertThat(first.processed()).isPositive();
                assertThat(second.processed()).isPositive();
                assertThat(dlq).hasSize(1);
                JsonNode letter = new ObjectMapper().readTree(dlq.get(0).value());
                assertThat(letter.get("stage").asText()).isEqualTo("nlp");
                assertThat(letter.get("input").asText()).isEqualTo("{not json");
                assertThat(letter.get("error").asText()).contains("not JSON");
            }
        }
    }
}
