package io.chipwatch.stage;

import io.chipwatch.bus.BusRecord;
import io.chipwatch.bus.Topics;
import io.chipwatch.model.Article;
import io.chipwatch.nlp.NlpAnalyzer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NlpStageTruncationTest {

    private final RecordCodec codec = new RecordCodec();
    private final NlpStage stage = new NlpStage(NlpAnalyzer.withDefaults(), codec);

    private List<Stage.Output> process(String body) throws Exception {
        Article a = new Article("id-" + body.length(), null, null, "标题", null, null, null, "zh", body, "UTF-8");
        return stage.process(new BusRecord(Topics.ARTICLES, 0, 0, a.id(), codec.article(a)));
    }

    @Test
    void anAbsurdArticleIsCountedWithWhatWasLeftOutAndStillEnriched() throws Exception {
        process("寒武纪第二季度营收同比增长43%。");
        assertThat(stage.articlesTruncated()).isZero();

        // one sentence of 25 figures, one of 800 characters, and a body past the analysed length;
        // small enough that the enriched record stays under the bus's record limit
        String absurd = "营收增长12%，".repeat(25) + "。" + "行业前景仍需观察".repeat(100) + "。"
                + "市场普遍关注行业前景。".repeat(5_000);
        List<Stage.Output> out = process(absurd);

        assertThat(out).hasSize(1);
        assertThat(codec.readEnriched(out.get(0).value()).analysis().figures()).isNotEmpty();
        assertThat(stage.articlesTruncated()).isEqualTo(1);
        assertThat(stage.bodyCharsSkipped()).isPositive();
        assertThat(stage.sentencesCut()).isPositive();
        assertThat(stage.figuresDropped()).isPositive();
    }
}
