package io.chipwatch.run;

import io.chipwatch.cli.Main;
import io.chipwatch.services.ElasticsearchNode;
import io.chipwatch.services.ElasticsearchNodeExtension;
import io.chipwatch.services.KafkaBroker;
import io.chipwatch.services.KafkaBrokerExtension;
import io.chipwatch.services.KafkaGroups;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The end-to-end benchmark runs on Kafka and Elasticsearch and reports each stage alone and the pipeline (no timing is asserted). */
@ExtendWith({KafkaBrokerExtension.class, ElasticsearchNodeExtension.class})
class PipelineBenchmarkTest {

    @TempDir
    Path dir;

    @Test
    void benchPipelinePrintsEachStageAloneThePipelineAndTheirRatio(KafkaBroker broker, ElasticsearchNode node) throws Exception {
        KafkaGroups.skipPipelineGroupsToEnd(broker, 4);
        Path config = Files.writeString(dir.resolve("bench.yml"), String.join("\n",
                "bus:", "  kind: kafka", "  partitions: 4", "  bootstrap: " + broker.bootstrapServers(),
                "store:", "  kind: elasticsearch", "  urls: [" + node.url() + "]",
                "  index_prefix: bench-" + UUID.randomUUID().toString().substring(0, 8), ""));
        Path page = Files.writeString(dir.resolve("a.html"), "<html><head><meta charset=utf-8><title>天数智芯发布新卡</title></head><body>"
                + "<h1>天数智芯发布新卡</h1><div class=info>2025-10-25 10:20</div><div class=article><p>天数智芯今日发布新一代推理卡，"
                + "预计明年出货量超过5万张，性能提升约三成。</p><p>业内人士认为，这一进展值得关注。</p></div></body></html>", StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]),
                "bench-pipeline", "--config", config.toString(), "--articles", "12", page.toString());

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).isZero();
        assertThat(printed).containsPattern("extract alone \\([0-9]+ workers\\): 12 records in [0-9.]+ s = [0-9.]+ records/s")
                .containsPattern("nlp alone \\([0-9]+ workers\\): 12 records")
                .containsPattern("index alone \\([0-9]+ workers\\): 12 records")
                .containsPattern("pipeline \\(kafka bus, elasticsearch store\\): 12 articles in [0-9.]+ s = [0-9.]+ articles/s; "
                        + "publish → indexed \\(searchable after the store's refresh interval\\) p50 [0-9]+ ms, p99 [0-9]+ ms")
                .containsPattern("pipeline / slowest stage alone \\((extract|nlp|index)\\) = [0-9.]+");
    }
}
