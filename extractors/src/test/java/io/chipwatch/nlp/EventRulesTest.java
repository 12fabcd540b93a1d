package io.chipwatch.nlp;

import io.chipwatch.model.Analysis;
import io.chipwatch.model.Event;
import org.junit.jupiter.api.Test;

import static io.chipwatch.nlp.NlpFixture.analyze;
import static io.chipwatch.nlp.NlpFixture.events;
import static org.assertj.core.api.Assertions.assertThat;

/** The event rules added for news the finder was not written on; sentences invented for the tests. */
class EventRulesTest {

    @Test
    void anEventStatedAgainIsReportedOnce() {
        Analysis a = analyze("""
                寒武纪3月5日发布了思元790芯片。
                据介绍，寒武纪3月5日发布的思元790面向云端训练。
                寒武纪还计划于2026年第二季度发布思元790的升级版思元790X。""", "2025-10-25T10:20:00+08:00");

        assertThat(events(a, "product_announcement")).extracting(Event::product, Event::date)
                .containsOnlyOnce(org.assertj.core.groups.Tuple.tuple("思元790", "2025-03-05"));
    }

    @Test
    void theSameDealOnAnotherDateIsAnotherEvent() {
        Analysis a = analyze("""
                长江存储今年3月完成了一轮融资。
                长江存储计划明年再进行一轮融资。""", "2025-10-25T10:20:00+08:00");

        assertThat(events(a, "funding")).extracting(Event::date).containsExactly("2025-03", "2026");
    }
}
