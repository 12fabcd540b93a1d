package io.chipwatch.alert;

import io.chipwatch.model.Ids;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Makes the alert for a candidate from the last alert of the same rule and key, if any. Keeping
 * that last alert between articles is the caller's job; this class is pure and thread-safe.
 *
 * <p>Only new information makes an UPDATE: a different planned date, or a figure not reported
 * before. Another article repeating the same facts adds its link to the kept state but sends
 * nothing, and an article that gives no planned date does not erase the one known.
 */
public final class AlertComposer {

    /**
     * What to keep and whether to send it.
     *
     * @param alert  the alert to keep as the announcement's state (and to send when {@code send})
     * @param send   whether the alert is new or changed and should be delivered
     */
    public record Outcome(Alert alert, boolean send) {
    }

    /**
     * @param previous the last alert kept for the candidate's rule and key, or null for none
     * @param now      creation time of a new version
     */
    public Outcome next(Alert previous, AlertCandidate c, Instant now) {
        if (previous == null) {
            return new Outcome(new Alert(id(c.rule(), c.key(), 1), Alert.Kind.NEW, 1, c.rule(), c.key(), c.identity(),
                    headline(c.identity()), c.figures(), c.sentence(), List.of(c.source()), List.of(), now), true);
        }
        if (!previous.rule().equals(c.rule()) || !previous.key().equals(c.key())) {
            throw new IllegalArgumentException("alert " + previous.id() + " is for " + previous.rule() + "/" + previous.key()
                    + ", the candidate for " + c.rule() + "/" + c.key());
        }
        List<String> changes = new ArrayList<>();
        AnnouncementIdentity identity = previous.identity();
        String was = identity.planned();
        String stated = c.identity().planned();
        if (stated != null && !stated.equals(was)) {
            changes.add(was == null ? "planned date " + stated : "planned date " + was + " → " + stated);
            identity = identity.withPlanned(stated);
        }
        List<KeyFigure> figures = new ArrayList<>(previous.figures());
        for (KeyFigure f : c.figures()) {
            if (figures.stream().noneMatch(f::sameAs)) {
                figures.add(f);
                changes.add("new figure " + AlertMessage.figure(f));
            }
        }
        List<SourceLink> sources = new ArrayList<>(previous.sources());
        if (sources.stream().noneMatch(s -> Objects.equals(s.url(), c.source().url()))) {
            sources.add(c.source());
        }
        if (changes.isEmpty()) {
            return new Outcome(new Alert(previous.id(), previous.kind(), previous.version(), previous.rule(), previous.key(),
                    previous.identity(), previous.headline(), previous.figures(), previous.sentence(), sources,
                    previous.changes(), previous.created()), false);
        }
        int version = previous.version() + 1;
        return new Outcome(new Alert(id(c.rule(), c.key(), version), Alert.Kind.UPDATE, version, c.rule(), c.key(), identity,
                headline(identity), figures, c.sentence(), sources, changes, now), true);
    }

    /** What was announced by whom for when: "新品发布: 华为 昇腾950PR，计划 2026-Q1". */
    static String headline(AnnouncementIdentity id) {
        StringBuilder b = new StringBuilder(EventLabels.of(id.eventType())).append(": ");
        String who = id.org() == null ? "" : id.org();
        String what = id.product() == null ? "" : id.product();
        b.append((who + " " + what).strip());
        if (id.planned() != null) {
            b.append("，计划 ").append(id.planned());
        }
        return b.toString();
    }

    /** The rule is part of the id: two rules alerting on one announcement send two alerts. */
    static String id(String rule, String key, int version) {
        return Ids.sha1(rule + "\n" + key + "\n" + version);
    }
}
