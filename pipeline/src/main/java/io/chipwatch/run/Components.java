package io.chipwatch.run;

import io.chipwatch.bus.Bus;
import io.chipwatch.bus.InMemoryBus;
import io.chipwatch.bus.KafkaBus;
import io.chipwatch.config.ChipwatchConfig;
import io.chipwatch.nlp.Gazetteer;
import io.chipwatch.store.LuceneSearchStore;
import io.chipwatch.store.SearchStore;

import java.util.Map;

/** Builds the adapters a configuration names. */
public final class Components {

    private Components() {
    }

    public static Bus bus(ChipwatchConfig config) {
        ChipwatchConfig.Bus b = config.bus();
        return switch (b.kind()) {
            case "memory" -> new InMemoryBus(b.partitions(), b.capacity());
            case "kafka" -> new KafkaBus(b.bootstrap(), b.replication(), Map.of());
            default -> throw new IllegalArgumentException("unknown bus kind " + b.kind());
        };
    }

    public static SearchStore store(ChipwatchConfig config, Gazetteer gazetteer) {
        ChipwatchConfig.Store s = config.store();
        return switch (s.kind()) {
            case "lucene" -> LuceneSearchStore.open(config.data().resolve("index"), gazetteer);
            default -> throw new IllegalArgumentException("store kind " + s.kind() + " is not available in this build");
        };
    }
}
