package io.chipwatch.nlp;

import io.chipwatch.model.Entity;
import io.chipwatch.model.Mention;
import io.chipwatch.model.Sentence;

import java.util.ArrayList;
import java.util.List;

/**
 * The names of the headline are entities of the article too: a headline often names the company
 * or product that the body then only calls 公司 or 该车. A name found only in the headline has no
 * body offsets (offsets index into the body).
 */
final class HeadlineEntities {

    private final EntityFinder finder;
    private final EntityAggregator aggregator;

    HeadlineEntities(EntityFinder finder, EntityAggregator aggregator) {
        this.finder = finder;
        this.aggregator = aggregator;
    }

    /** The body's entities plus those of the headline the body does not name. */
    List<Entity> add(String headline, List<Entity> found) {
        if (headline == null || headline.isBlank()) {
            return found;
        }
        List<Mention> mentions = finder.find(headline, List.of(new Sentence(headline, 0, headline.length(), "zh")));
        List<Entity> out = new ArrayList<>(found);
        for (Entity e : aggregator.aggregate(mentions)) {
            boolean known = out.stream().anyMatch(o -> o.type().equals(e.type()) && o.name().equals(e.name()));
            if (!known) {
                out.add(new Entity(e.type(), e.name(), e.aliases(), e.mentions(), List.of()));
            }
        }
        return out;
    }
}
