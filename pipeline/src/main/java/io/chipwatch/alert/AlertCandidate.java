package io.chipwatch.alert;

import java.util.List;
import java.util.Objects;

/**
 * An announcement one rule picked out of one article, before it is known whether it is new.
 *
 * @param rule     name of the rule that matched
 * @param identity what was announced
 * @param key      the dedup key of {@code identity} ({@link IdentityKeys#key})
 * @param figures  figures of the announcement's sentence and about its product or organisation
 * @param sentence the sentence the event came from
 * @param source   the article
 */
public record AlertCandidate(String rule, AnnouncementIdentity identity, String key, List<KeyFigure> figures,
                             String sentence, SourceLink source) {

    public AlertCandidate {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(key, "key");
        figures = List.copyOf(figures);
    }
}
