package io.chipwatch.stage;

import io.chipwatch.model.Analysis;
import io.chipwatch.model.Article;
import io.chipwatch.model.Truncation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecordCodecTruncationTest {

    private final RecordCodec codec = new RecordCodec();
    private final Article article = new Article("id1", null, null, "标题", null, null, null, "zh", "正文。", "UTF-8");

    @Test
    void anEnrichedRecordCarriesWhatTheAnalysisLeftOut() {
        Analysis cut = new Analysis(List.of(), List.of(), List.of(), List.of(), new Truncation(120, 3, 7));

        String json = codec.enriched(article, cut);

        assertThat(json).contains("\"truncated\"");
        assertThat(codec.readEnriched(json).analysis().truncated()).isEqualTo(new Truncation(120, 3, 7));
    }

    @Test
    void anEnrichedRecordWrittenBeforeTruncationWasCountedReadsAsNothingLeftOut() {
        String json = codec.enriched(article, new Analysis(List.of(), List.of(), List.of(), List.of()))
                .replaceAll(",?\"truncated\":\\{[^}]*\\}", "");
        assertThat(json).doesNotContain("truncated");

        assertThat(codec.readEnriched(json).analysis().truncated()).isEqualTo(Truncation.NONE);
    }
}
