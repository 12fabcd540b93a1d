package io.chipwatch.crawl;

/** The {@code {page}} placeholder of list and JSON discoveries. */
final class PageNumbers {

    static final String PLACEHOLDER = "{page}";

    private PageNumbers() {
    }

    static boolean numbered(String... templates) {
        for (String t : templates) {
            if (t != null && t.contains(PLACEHOLDER)) {
                return true;
            }
        }
        return false;
    }

    static String fill(String template, int page) {
        return template == null ? null : template.replace(PLACEHOLDER, Integer.toString(page));
    }
}
