package io.chipwatch.crawl;

import io.chipwatch.model.RawPage;

/** Where fetched pages go: the pages topic of the bus. */
@FunctionalInterface
public interface PageSink {

    /**
     * Hands a page on and returns once it is durably accepted (the bus acknowledged it), so the
     * crawler can then remember the URL as done without risking losing the page.
     *
     * @throws Exception when the page could not be handed on; the URL stays unseen and is retried next run
     */
    void accept(RawPage page, String source) throws Exception;
}
