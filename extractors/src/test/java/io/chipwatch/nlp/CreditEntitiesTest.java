package io.chipwatch.nlp;

import io.chipwatch.model.Analysis;
import io.chipwatch.model.Article;
import io.chipwatch.model.Entity;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static io.chipwatch.nlp.NlpFixture.NLP;
import static io.chipwatch.nlp.NlpFixture.entity;
import static io.chipwatch.nlp.NlpFixture.names;
import static org.assertj.core.api.Assertions.assertThat;

class CreditEntitiesTest {

    private static Analysis analyze(String body, String author, String source) {
        return NLP.analyze(new Article("t", null, null, "标题", OffsetDateTime.parse("2025-10-25T10:20:00+08:00"),
                author, source, "zh", body, "UTF-8"));
    }

    @Test
    void theOutletAndTheReportersOfTheBylineAreEntities() {
        Analysis a = analyze("月海半导体第三季度营收为12亿元。", "王小明、Jane Doe", "晨星日报");

        assertThat(entity(a, "ORG", "晨星日报")).isPresent();
        assertThat(names(a, "PERSON")).contains("王小明", "Jane Doe");
    }

    @Test
    void anOutletTheGazetteerKnowsTakesItsCanonicalNameAndIsNotCountedTwice() {
        Analysis a = analyze("台积电第三季营收创新高。", null, "台積電");

        assertThat(a.entities().stream().filter(e -> e.type().equals("ORG") && e.name().equals("台积电")).count()).isEqualTo(1);
    }

    @Test
    void bylineWordsAndUnknownShapesAreNoPeople() {
        Analysis a = analyze("月海半导体第三季度营收为12亿元。", "本报记者 综合报道", null);

        assertThat(names(a, "PERSON")).isEmpty();
    }

    @Test
    void anOutletNamedInTheBodyKeepsItsOffsets() {
        Analysis a = analyze("据晨星日报报道，月海半导体营收增长。", null, "晨星日报");

        Entity outlet = entity(a, "ORG", "晨星日报").orElseThrow();
        assertThat(outlet.offsets()).hasSize(1);
        assertThat(outlet.offsets().get(0)).containsExactly(1, 5);
    }
}
