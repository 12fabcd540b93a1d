package io.chipwatch.store;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed search expression ({@link QuerySyntax}): words, phrases and field filters combined by
 * AND, OR and NOT. Each store translates it into its own query with the same meaning.
 */
public sealed interface QueryExpr {

    /** Words to find, matched as {@link SearchQuery#text()} is: every word of it, aliases expanded. */
    record Words(String text) implements QueryExpr {
        public Words {
            requireText(text, "words");
        }
    }

    /** These words next to each other, in this order (in the title or body; the sentence of a fact). */
    record Phrase(String text) implements QueryExpr {
        public Phrase {
            requireText(text, "a phrase");
        }
    }

    /**
     * A keyword filter: {@code entity:英伟达}, {@code source:芯闻网}, {@code type:product_launch}…;
     * which fields a kind of document knows is {@link #FIELDS}' business.
     */
    record Field(String name, String value) implements QueryExpr {
        public Field {
            requireText(name, "a field name");
            requireText(value, "the value of field " + name);
        }
    }

    record And(List<QueryExpr> all) implements QueryExpr {
        public And {
            all = List.copyOf(all);
        }
    }

    record Or(List<QueryExpr> any) implements QueryExpr {
        public Or {
            any = List.copyOf(any);
        }
    }

    record Not(QueryExpr expr) implements QueryExpr {
    }

    /** Both, dropping a null side. */
    static QueryExpr and(QueryExpr a, QueryExpr b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        List<QueryExpr> all = new ArrayList<>();
        for (QueryExpr e : List.of(a, b)) {
            if (e instanceof And and) {
                all.addAll(and.all());
            } else {
                all.add(e);
            }
        }
        return new And(all);
    }

    /** Whether the expression has words or phrases to rank by (outside a NOT). */
    static boolean ranks(QueryExpr e) {
        if (e instanceof Words || e instanceof Phrase) {
            return true;
        }
        if (e instanceof And and) {
            return and.all().stream().anyMatch(QueryExpr::ranks);
        }
        if (e instanceof Or or) {
            return or.any().stream().anyMatch(QueryExpr::ranks);
        }
        return false;
    }

    /** The words and phrases a matching document may contain (not those under a NOT), for highlighting. */
    static List<String> positiveTexts(QueryExpr e) {
        List<String> out = new ArrayList<>();
        collect(e, out);
        return out;
    }

    private static void collect(QueryExpr e, List<String> out) {
        if (e instanceof Words w) {
            out.add(w.text());
        } else if (e instanceof Phrase p) {
            out.add(p.text());
        } else if (e instanceof Field f && f.name().equals("entity")) {
            out.add(f.value());
        } else if (e instanceof And and) {
            and.all().forEach(x -> collect(x, out));
        } else if (e instanceof Or or) {
            or.any().forEach(x -> collect(x, out));
        }
    }

    private static void requireText(String s, String what) {
        if (s == null || s.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}
