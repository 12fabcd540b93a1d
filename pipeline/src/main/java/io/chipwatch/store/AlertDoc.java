package io.chipwatch.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An alert as indexed for search ({@code chipwatch-alerts}), one document per alert version.
 * The store knows nothing of the alert package: kinds and figures arrive as text.
 *
 * @param id           the alert id (sha-1 of rule, key and version), the document id
 * @param kind         NEW or UPDATE
 * @param version      1 for NEW, counting up with each UPDATE
 * @param rule         the rule that matched
 * @param org          canonical name of the acting organisation, or null
 * @param product      canonical name of the product, or null
 * @param eventType    product_announcement, mass_production, ...
 * @param planned      the planned date as a period label (2026-Q1), or null
 * @param headline     the alert's one-line headline
 * @param sentence     the sentence the event came from, or null
 * @param figures      key figures as short text ("shipments 1000000 units 2026")
 * @param sourceUrls   URLs of the articles that reported it, oldest first (those without one left out)
 * @param sourceTitles their headlines, oldest first (those without one left out, so not aligned with the URLs)
 * @param created      when this version was made
 * @param changes      for UPDATE, what changed since the previous version; empty for NEW
 */
public record AlertDoc(String id, String kind, int version, String rule, String org, String product, String eventType,
                       String planned, String headline, String sentence, List<String> figures, List<String> sourceUrls,
                       List<String> sourceTitles, Instant created, List<String> changes) implements Indexable {

    public AlertDoc {
        Objects.requireNonNull(created, "created");
        figures = List.copyOf(figures);
        sourceUrls = List.copyOf(sourceUrls);
        sourceTitles = List.copyOf(sourceTitles);
        changes = List.copyOf(changes);
    }
}
