package io.chipwatch.crawl;

import io.chipwatch.bus.Bus;
import io.chipwatch.bus.Topics;
import io.chipwatch.model.RawPage;
import io.chipwatch.stage.RecordCodec;

import java.util.concurrent.TimeUnit;

/** Publishes pages on {@code chipwatch.pages}, keyed by URL, and waits for the acknowledgement. */
public final class BusPageSink implements PageSink {

    private final Bus bus;
    private final RecordCodec codec;

    public BusPageSink(Bus bus, RecordCodec codec) {
        this.bus = bus;
        this.codec = codec;
    }

    @Override
    public void accept(RawPage page, String source) throws Exception {
        bus.publish(Topics.PAGES, page.url().toString(), codec.page(page, source)).get(2, TimeUnit.MINUTES);
    }
}
