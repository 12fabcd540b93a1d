package io.chipwatch.nlp;

import io.chipwatch.model.Analysis;
import io.chipwatch.model.Article;
import io.chipwatch.model.Entity;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;

import static io.chipwatch.nlp.NlpFixture.NLP;
import static io.chipwatch.nlp.NlpFixture.entity;
import static org.assertj.core.api.Assertions.assertThat;

class HeadlineEntitiesTest {

    private static Analysis analyze(String title, String body) {
        return NLP.analyze(new Article("t", null, null, title, OffsetDateTime.parse("2025-10-25T10:20:00+08:00"),
                null, null, "zh", body, "UTF-8"));
    }

    @Test
    void aNameOnlyTheHeadlineGivesIsAnEntityWithoutBodyOffsets() {
        Analysis a = analyze("宁德时代发布新一代电池", "公司表示，新产品将于明年量产。");

        Entity catl = entity(a, "ORG", "宁德时代").orElseThrow();
        assertThat(catl.offsets()).isEmpty();
    }

    @Test
    void aNameInBothKeepsItsBodyMentionsOnly() {
        Analysis a = analyze("宁德时代发布新一代电池", "宁德时代表示，新产品将于明年量产。");

        assertThat(a.entities().stream().filter(e -> e.name().equals("宁德时代"))).hasSize(1);
        assertThat(entity(a, "ORG", "宁德时代").orElseThrow().offsets()).hasSize(1);
    }
}
