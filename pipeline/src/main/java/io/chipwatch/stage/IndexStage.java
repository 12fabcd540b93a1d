package io.chipwatch.stage;

import io.chipwatch.bus.BusRecord;
import io.chipwatch.store.SearchStore;

import java.util.List;

/** Enriched articles into the search store; the store's deterministic ids make replays harmless. */
public final class IndexStage implements Stage {

    private final SearchStore store;
    private final RecordCodec codec;
    private final Indexables indexables = new Indexables();

    public IndexStage(SearchStore store, RecordCodec codec) {
        this.store = store;
        this.codec = codec;
    }

    @Override
    public String name() {
        return "index";
    }

    @Override
    public List<Output> process(BusRecord input) {
        RecordCodec.EnrichedRecord r = codec.readEnriched(input.value());
        store.index(List.of(indexables.of(r.article(), r.analysis())));
        return List.of();
    }
}
