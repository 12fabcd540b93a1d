package io.chipwatch.stage;

import io.chipwatch.model.Analysis;
import io.chipwatch.model.Article;
import io.chipwatch.model.Entity;
import io.chipwatch.model.Event;
import io.chipwatch.model.Figure;
import io.chipwatch.store.ArticleDoc;
import io.chipwatch.store.EventDoc;
import io.chipwatch.store.FigureDoc;
import io.chipwatch.store.Indexable;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Shapes an enriched article into the documents of the store. Ids are deterministic (figure:
 * article id + its body offset; event: article id + its ordinal), so indexing the same article
 * twice replaces rather than duplicates.
 */
public final class Indexables {

    public Indexable.Article of(Article a, Analysis analysis) {
        String url = a.canonicalUrl() != null ? a.canonicalUrl() : a.url();
        List<String> entities = new ArrayList<>();
        Set<String> aliases = new LinkedHashSet<>();
        for (Entity e : analysis.entities()) {
            entities.add(e.name());
            aliases.add(e.name());
            aliases.addAll(e.aliases());
        }
        ArticleDoc article = new ArticleDoc(a.id(), url, a.title(), a.published(), a.author(), a.source(), a.lang(),
                a.body(), entities, List.copyOf(aliases));
        List<FigureDoc> figures = new ArrayList<>();
        for (Figure f : analysis.figures()) {
            figures.add(new FigureDoc(a.id() + "-f" + f.start(), a.id(), f.metric(), f.value(), f.valueMax(), f.unit(),
                    f.qualifier(), f.subject(), f.product(), f.period(), a.published(), url, a.title(), f.text()));
        }
        List<EventDoc> events = new ArrayList<>();
        int ordinal = 0;
        for (Event e : analysis.events()) {
            events.add(new EventDoc(a.id() + "-e" + ordinal++, a.id(), e.type(), e.org(), e.product(), e.date(),
                    e.status(), a.published(), url, a.title(), e.text()));
        }
        return new Indexable.Article(article, figures, events);
    }
}
