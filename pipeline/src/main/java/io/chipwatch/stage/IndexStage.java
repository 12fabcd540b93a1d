package io.chipwatch.stage;

import io.chipwatch.bus.BusRecord;
import io.chipwatch.store.Indexable;
import io.chipwatch.store.SearchStore;
import io.chipwatch.store.StoreException;

import java.util.ArrayList;
import java.util.List;

/**
 * Enriched articles into the search store; the store's deterministic ids make replays harmless.
 * The records of one poll go to the store in one write (one Lucene commit, one Elasticsearch
 * {@code _bulk}), which returns only once they are durable.
 */
public final class IndexStage implements BatchStage {

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
        write(List.of(indexable(input)));
        return List.of();
    }

    /**
     * Records that cannot be read fail on their own; the others are written together.
     *
     * @throws TransientStageException when the store is unavailable for now
     * @throws StoreException          when the store refuses the batch for good, which names no record
     */
    @Override
    public List<Result> processAll(List<BusRecord> inputs) throws TransientStageException {
        List<Result> results = new ArrayList<>(inputs.size());
        List<Indexable> documents = new ArrayList<>(inputs.size());
        for (BusRecord input : inputs) {
            try {
                documents.add(indexable(input));
                results.add(Result.done(List.of()));
            } catch (RuntimeException unreadable) {
                results.add(Result.failed(unreadable));
            }
        }
        if (!documents.isEmpty()) {
            write(documents);
        }
        return results;
    }

    private Indexable indexable(BusRecord input) {
        RecordCodec.EnrichedRecord r = codec.readEnriched(input.value());
        return indexables.of(r.article(), r.analysis());
    }

    private void write(List<Indexable> documents) throws TransientStageException {
        try {
            store.index(documents);
        } catch (StoreException e) {
            if (e.retryable()) {
                throw new TransientStageException("the search store is unavailable: " + e.getMessage(), e);
            }
            throw e;
        }
    }
}
