package io.chipwatch;

import io.chipwatch.html.ArticleExtractor;
import io.chipwatch.model.Article;
import io.chipwatch.model.ExtractionException;
import io.chipwatch.model.RawPage;

import java.net.URI;

/**
 * The front door of the extractors library for callers that want defaults. Holds no state;
 * callers that extract many pages should keep one {@link ArticleExtractor} instead.
 */
public final class Extractors {

    private Extractors() {
    }

    /** The article in an HTML page or plain-text file; {@code url} may be null. */
    public static Article article(byte[] bytes, URI url) throws ExtractionException {
        return ArticleExtractor.withDefaults().extract(RawPage.of(bytes, url));
    }
}
