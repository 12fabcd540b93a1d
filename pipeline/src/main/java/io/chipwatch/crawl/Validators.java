package io.chipwatch.crawl;

import java.util.Optional;

/**
 * HTTP cache validators of one listing, sent back on the next fetch so an unchanged listing costs a 304.
 *
 * @param etag         the ETag header, or null
 * @param lastModified the Last-Modified header, verbatim, or null
 */
public record Validators(String etag, String lastModified) {

    /** The validators a response carried; empty when it carried neither. */
    public static Optional<Validators> of(FetchResult result) {
        String etag = blankToNull(result.header("etag"));
        String lastModified = blankToNull(result.header("last-modified"));
        return etag == null && lastModified == null ? Optional.empty() : Optional.of(new Validators(etag, lastModified));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
