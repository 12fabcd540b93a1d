package io.chipwatch.alert;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AlertComposerTest {

    private final AlertComposer composer = new AlertComposer();
    private final Instant later = Fixtures.NOW.plusSeconds(3600);

    @Test
    void theFirstCandidateIsANewAlertWithAHeadline() {
        AlertComposer.Outcome first = composer.next(null, Fixtures.candidate("2026-Q1", List.of(Fixtures.shipments()), "https://a/1"), Fixtures.NOW);

        assertThat(first.send()).isTrue();
        Alert a = first.alert();
        assertThat(a.kind()).isEqualTo(Alert.Kind.NEW);
        assertThat(a.version()).isEqualTo(1);
        assertThat(a.headline()).isEqualTo("新品发布: 华为 昇腾950PR，计划 2026-Q1");
        assertThat(a.changes()).isEmpty();
        assertThat(a.created()).isEqualTo(Fixtures.NOW);
    }

    @Test
    void idsAreDeterministicPerRuleKeyAndVersion() {
        Alert again = composer.next(null, Fixtures.candidate("2026-Q3", List.of(), "https://elsewhere/9"), later).alert();

        assertThat(again.id()).isEqualTo(Fixtures.alert().id());
        assertThat(AlertComposer.id("other-rule", again.key(), 1)).isNotEqualTo(again.id());
    }

    @Test
    void aMovedPlannedDateIsAnUpdateSayingWhatChanged() {
        Alert first = Fixtures.alert();

        AlertComposer.Outcome moved = composer.next(first, Fixtures.candidate("2026-Q2", List.of(), "https://b/2"), later);

        assertThat(moved.send()).isTrue();
        assertThat(moved.alert().kind()).isEqualTo(Alert.Kind.UPDATE);
        assertThat(moved.alert().version()).isEqualTo(2);
        assertThat(moved.alert().id()).isNotEqualTo(first.id());
        assertThat(moved.alert().changes()).containsExactly("planned date 2026-Q1 → 2026-Q2");
        assertThat(moved.alert().headline()).endsWith("计划 2026-Q2");
        assertThat(moved.alert().sources()).extracting(SourceLink::url).containsExactly("https://news.example.cn/a/1", "https://b/2");
        assertThat(moved.alert().figures()).hasSize(1);
    }

    @Test
    void aNewFigureIsAnUpdate() {
        KeyFigure price = new KeyFigure("price", 30_000, null, "CNY", null, "售价3万元。");

        AlertComposer.Outcome outcome = composer.next(Fixtures.alert(), Fixtures.candidate(null, List.of(price), "https://c/3"), later);

        assertThat(outcome.send()).isTrue();
        assertThat(outcome.alert().changes()).containsExactly("new figure price 3万 CNY");
        assertThat(outcome.alert().identity().planned()).isEqualTo("2026-Q1");
    }

    @Test
    void aRepeatSendsNothingButKeepsItsLink() {
        Alert first = Fixtures.alert();

        AlertComposer.Outcome repeat = composer.next(first, Fixtures.candidate(null, List.of(Fixtures.shipments()), "https://d/4"), later);

        assertThat(repeat.send()).isFalse();
        assertThat(repeat.alert().id()).isEqualTo(first.id());
        assertThat(repeat.alert().sources()).hasSize(2);
    }
}
