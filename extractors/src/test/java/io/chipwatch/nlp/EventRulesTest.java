package io.chipwatch.nlp;

import io.chipwatch.model.Analysis;
import io.chipwatch.model.Event;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.chipwatch.nlp.NlpFixture.analyze;
import static io.chipwatch.nlp.NlpFixture.events;
import static org.assertj.core.api.Assertions.assertThat;

class EventRulesTest {

    @Test
    void aPlantStartingProductionIsMassProductionWithoutAProduct() {
        Analysis a = analyze("联电新加坡新厂扩建，预计于2026年开始量产。", "2025-10-25T10:20:00+08:00");

        List<Event> made = events(a, "mass_production");
        assertThat(made).extracting(Event::org).containsExactly("联电");
        assertThat(made.get(0).product()).isNull();
        assertThat(made.get(0).date()).isEqualTo("2026");
        assertThat(made.get(0).status()).isEqualTo("planned");
    }

    @Test
    void aPlantOpeningOrAProductionCutIsAnOtherEvent() {
        Analysis a = analyze("台积电熊本厂今天开幕。三星电子将大幅减产。");

        assertThat(events(a, "other")).extracting(Event::org).containsExactly("台积电", "三星");
    }

    @Test
    void aSentenceWithoutATriggerHasNoEvent() {
        Analysis a = analyze("台积电熊本厂今天举行记者会。");

        assertThat(a.events()).isEmpty();
    }
}
