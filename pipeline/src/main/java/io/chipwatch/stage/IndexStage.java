package io.chipwatch.stage;

import io.chipwatch.bus.BusRecord;
import io.chipwatch.store.SearchStore;
import io.chipwatch.store.StoreException;

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
    public List<Output> process(BusRecord input) throws TransientStageException {
        RecordCodec.EnrichedRecord r = codec.readEnriched(input.value());
        try {
            store.index(List.of(indexables.of(r.article(), r.analysis())));
        } catch (StoreException e) {
            if (e.retryable()) {
                throw new TransientStageException("the search store is unavailable: " + e.getMessage(), e);
            }
            throw e;
        }
        return List.of();
    }
}
