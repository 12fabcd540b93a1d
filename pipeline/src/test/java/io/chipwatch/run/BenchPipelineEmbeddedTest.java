package io.chipwatch.run;

import io.chipwatch.cli.Main;
import io.chipwatch.nlp.Gazetteer;
import io.chipwatch.store.LuceneSearchStore;
import io.chipwatch.store.SearchQuery;
import io.chipwatch.store.SearchStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bench-pipeline} on the embedded default: each stage alone, the pipeline, their ratio,
 * and the latency at a steady rate, every article of every measurement indexed (no timing is
 * asserted).
 */
class BenchPipelineEmbeddedTest {

    @TempDir
    Path dir;

    @Test
    void benchPipelinePrintsEachStageAloneThePipelineTheirRatioAndTheLatencyAtASteadyRate() throws Exception {
        Path config = Files.writeString(dir.resolve("bench.yml"), String.join("\n",
                "data: " + dir.resolve("data"), "bus:", "  kind: journal", "  partitions: 4",
                "store:", "  kind: lucene", "workers:", "  extract: 2", "  nlp: 2", "  index: 1", ""));
        Path page = Files.writeString(dir.resolve("a.html"), "<html><head><meta charset=utf-8><title>天数智芯发布新卡</title></head><body>"
                + "<h1>天数智芯发布新卡</h1><div class=info>2025-10-25 10:20</div><div class=article><p>天数智芯今日发布新一代推理卡，"
                + "预计明年出货量超过5万张，性能提升约三成。</p><p>业内人士认为，这一进展值得关注。</p></div></body></html>", StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]),
                "bench-pipeline", "--config", config.toString(), "--articles", "6", "--rate", "50%", "--duration", "2", page.toString());

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(printed).isZero();
        assertThat(printed).containsPattern("extract alone \\(2 workers\\): 6 records in [0-9.]+ s = [0-9.]+ records/s")
                .containsPattern("nlp alone \\(2 workers\\): 6 records in [0-9.]+ s = [0-9.]+ records/s")
                .containsPattern("index alone \\(1 workers\\): 6 records in [0-9.]+ s = [0-9.]+ records/s")
                .containsPattern("pipeline \\(journal bus, lucene store\\): 6 articles in [0-9.]+ s = [0-9.]+ articles/s; "
                        + "publish → searchable p50 [0-9]+ ms, p99 [0-9]+ ms")
                .containsPattern("pipeline / slowest stage alone \\((extract|nlp|index)\\) = [0-9.]+");
        Matcher steady = Pattern.compile("steady rate [0-9.]+ articles/s \\(50% of the pipeline's rate\\) for [0-9.]+ s: ([0-9]+) articles; "
                + "publish → searchable p50 [0-9]+ ms, p99 [0-9]+ ms, max [0-9]+ ms").matcher(printed);
        assertThat(steady.find()).as(printed).isTrue();
        int steadyArticles = Integer.parseInt(steady.group(1));
        assertThat(steadyArticles).isPositive();

        // Each measurement's copies have URLs of their own: all of them are in the store.
        try (SearchStore store = LuceneSearchStore.openReadOnly(dir.resolve("data").resolve("index"), Gazetteer.defaults())) {
            assertThat(store.articles(new SearchQuery(SearchQuery.Kind.ARTICLES, null, null, null, null, null, 1)).total())
                    .isEqualTo(6 + 6 + steadyArticles);
        }
    }
}
