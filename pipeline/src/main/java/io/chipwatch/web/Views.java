package io.chipwatch.web;

import io.chipwatch.store.AlertDoc;
import io.chipwatch.store.ArticleDoc;
import io.chipwatch.store.EventDoc;
import io.chipwatch.store.FigureDoc;
import io.chipwatch.store.SearchHits;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API's JSON shapes and CSV rows of the store's documents: snake-case keys, times in China
 * time (Asia/Shanghai, where the news happens), bodies left out of article hits.
 */
final class Views {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    static final List<String> FIGURE_COLUMNS = List.of("published", "subject", "metric", "value", "value_max", "unit",
            "qualifier", "product", "period", "title", "url", "text", "id", "article_id");
    static final List<String> EVENT_COLUMNS = List.of("published", "type", "org", "product", "date", "status", "title",
            "url", "text", "id", "article_id");
    static final List<String> ALERT_COLUMNS = List.of("created", "kind", "version", "rule", "org", "product", "event_type",
            "planned", "headline", "sentence", "figures", "source_urls", "id");

    private Views() {
    }

    static String china(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(CHINA).toOffsetDateTime().toString();
    }

    static String china(Instant t) {
        return t == null ? null : t.atZone(CHINA).toOffsetDateTime().toString();
    }

    static Map<String, Object> article(ArticleDoc a, List<String> terms) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("url", a.url());
        m.put("title", a.title());
        m.put("title_html", Snippets.mark(a.title(), terms));
        m.put("source", a.source());
        m.put("published", china(a.published()));
        m.put("author", a.author());
        m.put("snippet_html", Snippets.snippet(a.body(), terms));
        m.put("entities", a.entities());
        return m;
    }

    static Map<String, Object> figure(FigureDoc f) {
        return row(FIGURE_COLUMNS, figureRow(f));
    }

    static List<Object> figureRow(FigureDoc f) {
        return Arrays.asList(china(f.published()), f.subject(), f.metric(), f.value(), f.valueMax(), f.unit(), f.qualifier(),
                f.product(), f.period(), f.title(), f.url(), f.text(), f.id(), f.articleId());
    }

    static Map<String, Object> event(EventDoc e) {
        return row(EVENT_COLUMNS, eventRow(e));
    }

    static List<Object> eventRow(EventDoc e) {
        return Arrays.asList(china(e.published()), e.type(), e.org(), e.product(), e.date(), e.status(), e.title(), e.url(),
                e.text(), e.id(), e.articleId());
    }

    static Map<String, Object> alert(AlertDoc a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("created", china(a.created()));
        m.put("kind", a.kind());
        m.put("version", a.version());
        m.put("rule", a.rule());
        m.put("org", a.org());
        m.put("product", a.product());
        m.put("event_type", a.eventType());
        m.put("planned", a.planned());
        m.put("headline", a.headline());
        m.put("sentence", a.sentence());
        m.put("figures", a.figures());
        m.put("source_urls", a.sourceUrls());
        m.put("source_titles", a.sourceTitles());
        m.put("changes", a.changes());
        m.put("id", a.id());
        return m;
    }

    static List<Object> alertRow(AlertDoc a) {
        return Arrays.asList(china(a.created()), a.kind(), a.version(), a.rule(), a.org(), a.product(), a.eventType(),
                a.planned(), a.headline(), a.sentence(), String.join("; ", a.figures()), String.join(" ", a.sourceUrls()), a.id());
    }

    static Map<String, Object> facets(Map<String, List<SearchHits.FacetCount>> facets) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String name : List.of(SearchHits.SOURCE, SearchHits.ENTITY, SearchHits.TYPE)) {
            List<Map<String, Object>> counts = new ArrayList<>();
            for (SearchHits.FacetCount c : facets.getOrDefault(name, List.of())) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("value", c.value());
                one.put("count", c.count());
                counts.add(one);
            }
            m.put(name, counts);
        }
        return m;
    }

    private static Map<String, Object> row(List<String> columns, List<Object> cells) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            m.put(columns.get(i), cells.get(i));
        }
        return m;
    }
}
