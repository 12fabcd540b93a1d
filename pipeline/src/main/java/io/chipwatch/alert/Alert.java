package io.chipwatch.alert;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One notification about an announcement, and the state kept for it: the next article about
 * the same announcement is compared against the last alert (see {@link AlertComposer}).
 *
 * @param id       sha-1 of rule, key and version, so a replay produces the same id and a
 *                 receiver can drop what it already has
 * @param kind     NEW for the first alert of an announcement under a rule, UPDATE after
 * @param version  1 for NEW, counting up with each UPDATE
 * @param rule     name of the rule that matched
 * @param key      the announcement's dedup key ({@link IdentityKeys#key})
 * @param identity what was announced, with the latest planned date
 * @param headline what was announced by whom for when, in one line
 * @param figures  key figures seen so far
 * @param sentence the sentence the event came from (of the latest article that changed something)
 * @param sources  articles that reported it so far, oldest first
 * @param changes  for UPDATE, what changed since the previous version ("planned date 2026-Q1 → 2026-Q2"); empty for NEW
 * @param created  when this version was made
 */
public record Alert(String id, Kind kind, int version, String rule, String key, AnnouncementIdentity identity,
                    String headline, List<KeyFigure> figures, String sentence, List<SourceLink> sources,
                    List<String> changes, Instant created) {

    public enum Kind { NEW, UPDATE }

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(identity, "identity");
        figures = List.copyOf(figures);
        sources = List.copyOf(sources);
        changes = List.copyOf(changes);
    }
}
