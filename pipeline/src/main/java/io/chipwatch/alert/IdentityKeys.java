package io.chipwatch.alert;

import com.hankcs.hanlp.HanLP;
import io.chipwatch.model.Analysis;
import io.chipwatch.model.Entity;
import io.chipwatch.model.Event;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns events into {@link AnnouncementIdentity identities} and identities into dedup keys.
 *
 * <p>Names are compared by the entity's canonical name: the NLP has already merged 昇腾, 升腾,
 * 昇騰 and Ascend into one entity, so an event's org or product is looked up among the
 * analysis's entities (name or any alias) and replaced by that entity's name. Names the NLP did
 * not resolve, and the canonical names themselves, are then normalised: NFKC (full-width
 * letters), Traditional to Simplified script, lower case, no whitespace.
 *
 * <p>The key is (event type, org, product) and deliberately leaves out the planned date. A
 * company that moves a launch from 2026-Q1 to 2026-Q2 has not announced a second product; with
 * the date in the key the move would raise a second NEW alert and the reader would see two
 * launches. Without it the move arrives as an UPDATE of the first alert, saying what changed.
 * The cost: two genuinely different launches of one unnamed product by one company fall under
 * one key, which is rare once the NLP names products. Thread-safe.
 */
public final class IdentityKeys {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** The identity of an event, its names made canonical by the analysis it came from. */
    public AnnouncementIdentity identity(Event event, Analysis analysis) {
        String planned = "planned".equals(event.status()) ? event.date() : null;
        return new AnnouncementIdentity(canonical(event.org(), analysis), canonical(event.product(), analysis),
                event.type(), planned);
    }

    /** The dedup key: event type, org and product, normalised; not the planned date. */
    public String key(AnnouncementIdentity identity) {
        return normalise(identity.eventType()) + "|" + orEmpty(normalise(identity.org())) + "|"
                + orEmpty(normalise(identity.product()));
    }

    /**
     * A name in comparable form: NFKC, Simplified script, lower case, whitespace removed; null
     * for null or blank.
     */
    public String normalise(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKC);
        folded = HanLP.convertToSimplifiedChinese(folded);
        return WHITESPACE.matcher(folded.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    /** Whether the entity goes by this (normalised) name, canonically or as an alias. */
    boolean names(Entity entity, String normalisedName) {
        if (normalisedName.equals(normalise(entity.name()))) {
            return true;
        }
        for (String alias : entity.aliases()) {
            if (normalisedName.equals(normalise(alias))) {
                return true;
            }
        }
        return false;
    }

    private String canonical(String name, Analysis analysis) {
        String n = normalise(name);
        if (n == null) {
            return null;
        }
        for (Entity e : analysis.entities()) {
            if (names(e, n)) {
                return e.name();
            }
        }
        return name.strip();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
