package io.chipwatch.eval;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which names denote the same entity: each entity's name and aliases form a group, and groups
 * that share a name merge (the {@code Aliases} class of {@code score_nlp.py}). Names compare
 * {@linkplain #fold folded}. Immutable once built.
 */
public final class AliasGroups {

    private final List<Set<String>> groups = new ArrayList<>();

    /** Groups the names of the given entities, in order (gold entities first, as the scorer does). */
    public AliasGroups(List<JsonNode> entities) {
        for (JsonNode e : entities) {
            Set<String> ns = namesOf(e);
            for (var it = groups.iterator(); it.hasNext(); ) {
                Set<String> g = it.next();
                if (!Collections.disjoint(g, ns)) {
                    it.remove();
                    ns.addAll(g);
                }
            }
            groups.add(ns);
        }
    }

    /**
     * Whether two names (JSON values, null for None) denote the same entity: both None, equal
     * after folding, or in one group.
     */
    public boolean same(JsonNode a, JsonNode b) {
        String fa = fold(a);
        String fb = fold(b);
        if (fa == null || fb == null) {
            return fa == null && fb == null;
        }
        if (fa.equals(fb)) {
            return true;
        }
        for (Set<String> g : groups) {
            if (g.contains(fa) && g.contains(fb)) {
                return true;
            }
        }
        return false;
    }

    /** An entity's folded name and aliases, without empty ones (a new mutable set). */
    public static Set<String> namesOf(JsonNode entity) {
        Set<String> out = new HashSet<>();
        out.add(fold(Py.get(entity, "name")));
        for (JsonNode a : Py.items(entity, "aliases")) {
            out.add(fold(a));
        }
        out.remove(null);
        out.remove("");
        return out;
    }

    /** {@code fold()} of the scorer: all whitespace removed, lower case; null (None) stays null. */
    public static String fold(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        return Py.lower(String.join("", Py.split(Py.str(v))));
    }
}
