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

        List<Stage.Output> out = process("营收增长12%，".repeat(20_000));

        assertThat(out).hasSize(1);
        assertThat(codec.readEnriched(out.get(0).value()).analysis().figures()).isNotEmpty();
        assertThat(stage.articlesTruncated()).isEqualTo(1);
        assertThat(stage.bodyCharsSkipped()).isPositive();
        assertThat(stage.sentencesCut()).isPositive();
        assertThat(stage.figuresDropped()).isPositive();
    }
}
