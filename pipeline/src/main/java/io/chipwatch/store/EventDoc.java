package io.chipwatch.store;

import java.time.OffsetDateTime;

/**
 * An event as indexed ({@code chipwatch-events}).
 *
 * @param id        deterministic: article id + "-e" + the event's ordinal in the article
 * @param articleId the article it came from
 * @param date      the FORMAT.md label of when it happens or happened, or null
 * @param text      the sentence it came from
 */
public record EventDoc(String id, String articleId, String type, String org, String product, String date,
                       String status, OffsetDateTime published, String url, String title, String text) {
}
