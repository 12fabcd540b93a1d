package io.chipwatch.html;

import java.util.List;

/**
 * What a page says about itself in machine-readable places ({@code <meta>}, {@code <link>},
 * JSON-LD, page-data script variables), before any visible text is read. Lists are in priority order and never null.
 */
record PageMeta(
        List<String> titles,
        String siteName,
        String canonical,
        List<String> published,
        List<String> authors,
        List<String> sources,
        List<String> scriptTimes,
        List<String> otherTimes) {
}
