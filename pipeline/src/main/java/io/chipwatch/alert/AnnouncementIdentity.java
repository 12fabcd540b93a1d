package io.chipwatch.alert;

import java.util.Objects;

/**
 * What an announcement is about, in canonical names as the NLP resolved them: who announced
 * what kind of event about which product, and for when, if planned. Two identities denote the
 * same announcement when their {@link IdentityKeys#key keys} are equal; {@code planned} takes no
 * part in that, see {@link IdentityKeys}.
 *
 * @param org       canonical name of the acting organisation, or null
 * @param product   canonical name of the product, or null
 * @param eventType product_announcement, mass_production, ... (the {@code Event} types)
 * @param planned   the planned date as a period label (2026-Q1, 2026-03, 2026), or null when the
 *                  event is not planned or the article gives no date
 */
public record AnnouncementIdentity(String org, String product, String eventType, String planned) {

    public AnnouncementIdentity {
        Objects.requireNonNull(eventType, "eventType");
    }

    public AnnouncementIdentity withPlanned(String value) {
        return new AnnouncementIdentity(org, product, eventType, value);
    }
}
