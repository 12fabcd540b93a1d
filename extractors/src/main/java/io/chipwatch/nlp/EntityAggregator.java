package io.chipwatch.nlp;

import com.hankcs.hanlp.HanLP;

import io.chipwatch.model.Entity;
import io.chipwatch.model.Mention;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges mentions into entities: one per canonical name and type, with every alias the
 * gazetteer knows plus every other spelling the article used, most mentioned first.
 */
final class EntityAggregator {

    private final Gazetteer gazetteer;

    EntityAggregator(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    List<Entity> aggregate(List<Mention> mentions) {
        Map<String, List<Mention>> byKey = new LinkedHashMap<>();
        for (Mention m : mentions) {
            byKey.computeIfAbsent(m.type() + "\u0000" + m.name(), k -> new ArrayList<>()).add(m);
        }
        List<Entity> entities = new ArrayList<>();
        for (List<Mention> group : byKey.values()) {
            Mention first = group.get(0);
            Set<String> aliases = new LinkedHashSet<>();
            gazetteer.byName(first.name()).ifPresentOrElse(e -> aliases.addAll(e.allNames()),
                    () -> aliases.addAll(otherScripts(first.name())));
            for (Mention m : group) {
                aliases.add(m.surface());
            }
            aliases.remove(first.name());
            List<int[]> offsets = group.stream().map(m -> new int[]{m.start(), m.end()}).toList();
            entities.add(new Entity(first.type(), first.name(), List.copyOf(aliases), group.size(), offsets));
        }
        entities.sort(Comparator.comparingInt(Entity::mentions).reversed());
        return entities;
    }

    /**
     * A name no gazetteer entry gives its forms (a registered company, a reporter) in the other
     * Chinese script, so 盧鴒 in a Taiwanese page and 卢鸰 in a mainland one are seen as one name.
     */
    static List<String> otherScripts(String name) {
        if (name.codePoints().noneMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
            return List.of();
        }
        Set<String> forms = new LinkedHashSet<>();
        forms.add(HanLP.convertToSimplifiedChinese(name));
        forms.add(HanLP.convertToTraditionalChinese(name));
        forms.remove(name);
        return List.copyOf(forms);
    }
}
