package io.chipwatch.nlp;

import io.chipwatch.model.Article;
import io.chipwatch.model.Entity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The outlet and the reporters an article credits are entities of it too (an ORG and PEOPLE),
 * although their names usually stand in the page's byline rather than in the body: an analyst
 * asks which outlets reported a story and who wrote it.
 */
final class CreditEntities {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s,，、/／;；|｜]+");
    private static final Pattern HAN_NAME = Pattern.compile("\\p{IsHan}{2,4}");
    private static final Pattern LATIN_NAME = Pattern.compile("[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}");
    /** Words a byline puts around names that are not names themselves. */
    private static final Pattern NOT_A_NAME = Pattern.compile(
            ".*(?:记者|記者|编辑|編輯|报道|報導|报导|综合|綜合|本报|本報|通讯员|通訊員|实习生|實習生|特约|特約|撰文|来源|來源|发自|發自|责编|責編).*");

    private final Gazetteer gazetteer;
    private final Set<String> surnames;

    CreditEntities(Gazetteer gazetteer, Set<String> surnames) {
        this.gazetteer = gazetteer;
        this.surnames = surnames;
    }

    /** The entities found in the body, plus the article's outlet and authors where they are new. */
    List<Entity> add(Article article, List<Entity> found) {
        return add(article, article.body() == null ? "" : article.body(), found);
    }

    /**
     * The same, the credited names located only in {@code body}, the part of the article's body
     * that was analysed (its head, for an absurdly long one), so that their offsets stay inside it.
     */
    List<Entity> add(Article article, String body, List<Entity> found) {
        List<Entity> out = new ArrayList<>(found);
        if (article.source() != null && !article.source().isBlank()) {
            addIfNew(out, "ORG", article.source().strip(), body);
        }
        if (article.author() != null) {
            for (String part : SEPARATORS.split(article.author().strip())) {
                if (isPersonName(part)) {
                    addIfNew(out, "PERSON", part, body);
                }
            }
            // a Latin byline keeps its spaces: split only on the other separators
            for (String part : article.author().split("[,，、/／;；|｜]+")) {
                String name = part.strip();
                if (LATIN_NAME.matcher(name).matches()) {
                    addIfNew(out, "PERSON", name, body);
                }
            }
        }
        return out;
    }

    private boolean isPersonName(String part) {
        if (!HAN_NAME.matcher(part).matches() || NOT_A_NAME.matcher(part).matches()) {
            return false;
        }
        return surnames.contains(part.substring(0, 1)) || part.length() >= 3 && surnames.contains(part.substring(0, 2));
    }

    private void addIfNew(List<Entity> entities, String type, String written, String body) {
        String name = written;
        Set<String> aliases = new LinkedHashSet<>();
        for (GazetteerEntry e : gazetteer.lookup(written)) {
            if (e.type().equals(type)) {
                name = e.name();
                aliases.addAll(e.allNames());
                break;
            }
        }
        aliases.add(written);
        for (Entity e : entities) {
            if (e.type().equals(type) && (same(e.name(), name) || e.aliases().stream().anyMatch(a -> same(a, written)))) {
                return;
            }
        }
        aliases.remove(name);
        List<int[]> offsets = new ArrayList<>();
        for (int at = body.indexOf(written); at >= 0 && !written.isEmpty(); at = body.indexOf(written, at + written.length())) {
            offsets.add(new int[]{at, at + written.length()});
        }
        entities.add(new Entity(type, name, List.copyOf(aliases), Math.max(1, offsets.size()), offsets));
    }

    private static boolean same(String a, String b) {
        return a.replace(" ", "").toLowerCase(Locale.ROOT).equals(b.replace(" ", "").toLowerCase(Locale.ROOT));
    }
}
