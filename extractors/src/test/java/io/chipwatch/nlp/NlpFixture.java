package io.chipwatch.nlp;

import io.chipwatch.model.Analysis;
import io.chipwatch.model.Article;
import io.chipwatch.model.Entity;
import io.chipwatch.model.Event;
import io.chipwatch.model.Figure;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** One analyzer for all NLP tests (it takes a second to build) and helpers to read its output. */
final class NlpFixture {

    static final NlpAnalyzer NLP = NlpAnalyzer.withDefaults();

    private NlpFixture() {
    }

    static Analysis analyze(String body, String published) {
        Article a = new Article("test", null, null, "测试", OffsetDateTime.parse(published), null, null, "zh", body, "UTF-8");
        return NLP.analyze(a);
    }

    static Analysis analyze(String body) {
        return analyze(body, "2025-10-25T10:20:00+08:00");
    }

    static Optional<Entity> entity(Analysis a, String type, String name) {
        return a.entities().stream().filter(e -> e.type().equals(type) && e.name().equals(name)).findFirst();
    }

    static List<String> names(Analysis a, String type) {
        return a.entities().stream().filter(e -> e.type().equals(type)).map(Entity::name).toList();
    }

    static Figure figure(Analysis a, double value) {
        return a.figures().stream().filter(f -> Math.abs(f.value() - value) <= Math.abs(value) * 1e-9).findFirst()
                .orElseThrow(() -> new AssertionError("no figure " + value + " in " + a.figures()));
    }

    static List<Event> events(Analysis a, String type) {
        return a.events().stream().filter(e -> e.type().equals(type)).toList();
    }
}
