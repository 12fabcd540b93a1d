package io.chipwatch.web;

import io.chipwatch.store.AlertDoc;
import io.chipwatch.store.ArticleDoc;
import io.chipwatch.store.EventDoc;
import io.chipwatch.store.FigureDoc;

import java.util.Arrays;
import java.util.List;

/** The rows the API exports as CSV, for the CLI's table and CSV output too: one shape everywhere. */
public final class Exports {

    static final List<String> ARTICLE_COLUMNS = List.of("published", "source", "title", "snippet", "entities", "url", "id");

    private Exports() {
    }

    /** Articles with a plain-text snippet (matches in 【】) instead of the body. */
    public static Table articles(List<ArticleDoc> hits, List<String> terms) {
        return new Table(ARTICLE_COLUMNS, hits.stream().map(a -> Arrays.<Object>asList(Views.china(a.published()), a.source(), a.title(),
                Snippets.plainSnippet(a.body(), terms), String.join(" ", a.entities()), a.url(), a.id())).toList());
    }

    public static Table figures(List<FigureDoc> hits) {
        return new Table(Views.FIGURE_COLUMNS, hits.stream().map(Views::figureRow).toList());
    }

    public static Table events(List<EventDoc> hits) {
        return new Table(Views.EVENT_COLUMNS, hits.stream().map(Views::eventRow).toList());
    }

    public static Table alerts(List<AlertDoc> hits) {
        return new Table(Views.ALERT_COLUMNS, hits.stream().map(Views::alertRow).toList());
    }
}
