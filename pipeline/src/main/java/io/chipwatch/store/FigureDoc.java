package io.chipwatch.store;

import java.time.OffsetDateTime;

/**
 * A figure as indexed ({@code chipwatch-figures}); see FORMAT.md for the fields' vocabularies.
 *
 * @param id        deterministic: article id + "-f" + the figure's body offset
 * @param articleId the article it came from
 * @param published the article's publication time, or null
 * @param url       the article's canonical URL, or null
 * @param title     the article's headline, or null
 * @param text      the sentence the figure came from
 */
public record FigureDoc(String id, String articleId, String metric, double value, Double valueMax, String unit,
                        String qualifier, String subject, String product, String period,
                        OffsetDateTime published, String url, String title, String text) {
}
