package io.chipwatch.run;

import io.chipwatch.bus.Bus;
import io.chipwatch.bus.InMemoryBus;
import io.chipwatch.bus.KafkaBus;
import io.chipwatch.config.ChipwatchConfig;
import io.chipwatch.nlp.Gazetteer;
import io.chipwatch.store.ElasticsearchConfig;
import io.chipwatch.store.ElasticsearchSearchStore;
import io.chipwatch.store.LuceneSearchStore;
import io.chipwatch.store.SearchStore;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Builds the adapters a configuration names. */
public final class Components {

    /** The embedded bus's journal, under the data folder. */
    public static final String BUS_FOLDER = "bus";

    private Components() {
    }

    static ElasticsearchConfig elasticsearch(ChipwatchConfig.Store s) {
        List<URI> urls = s.urls().stream().map(u -> URI.create(u.strip())).toList();
        return new ElasticsearchConfig(urls, blankToNull(s.apiKey()), blankToNull(s.username()), blankToNull(s.password()),
                s.caCertificate() == null ? null : Path.of(s.caCertificate()), s.insecureTls(),
                s.indexPrefix() == null ? ElasticsearchConfig.DEFAULT_INDEX_PREFIX : s.indexPrefix(), 3, Duration.ofMillis(500));
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v;
    }

    /** The configured bus; the journal of the embedded one lives in the data folder's {@code bus} folder. */
    public static Bus bus(ChipwatchConfig config) {
        return bus(config, config.data().resolve(BUS_FOLDER));
    }

    /** The configured bus, with the journal of the embedded one in {@code journal} (a benchmark keeps it apart from the data). */
    public static Bus bus(ChipwatchConfig config, Path journal) {
        ChipwatchConfig.Bus b = config.bus();
        return switch (b.kind()) {
            case "journal" -> InMemoryBus.journaled(journal, b.partitions(), b.capacity());
            case "memory" -> new InMemoryBus(b.partitions(), b.capacity());
            case "kafka" -> new KafkaBus(b.bootstrap(), b.replication(), Map.of());
            default -> throw new IllegalArgumentException("unknown bus kind " + b.kind());
        };
    }

    /**
     * The embedded bus of a journal or memory configuration, for a pipeline in this process: the
     * journal in the data folder's {@code bus} folder, shared with {@code run}.
     *
     * @throws IllegalArgumentException for the kafka bus
     */
    public static InMemoryBus embeddedBus(ChipwatchConfig config) {
        ChipwatchConfig.Bus b = config.bus();
        return switch (b.kind()) {
            case "journal" -> InMemoryBus.journaled(config.data().resolve(BUS_FOLDER), b.partitions(), b.capacity());
            case "memory" -> new InMemoryBus(b.partitions(), b.capacity());
            default -> throw new IllegalArgumentException("the " + b.kind() + " bus is not an embedded bus");
        };
    }

    public static SearchStore store(ChipwatchConfig config, Gazetteer gazetteer) {
        ChipwatchConfig.Store s = config.store();
        return switch (s.kind()) {
            case "lucene" -> LuceneSearchStore.open(config.data().resolve("index"), gazetteer);
            case "elasticsearch" -> ElasticsearchSearchStore.open(elasticsearch(s), gazetteer);
            default -> throw new IllegalArgumentException("unknown store kind " + s.kind());
        };
    }

    /**
     * The configured store for searching only, which works beside a process writing the same
     * store: the embedded Lucene store under the data folder is opened read-only
     * ({@link LuceneSearchStore#openReadOnly}: no write lock, nothing created, each search sees the
     * writer's last commit); Elasticsearch takes any number of clients anyway.
     */
    public static SearchStore readOnlyStore(ChipwatchConfig config, Gazetteer gazetteer) {
        ChipwatchConfig.Store s = config.store();
        return switch (s.kind()) {
            case "lucene" -> LuceneSearchStore.openReadOnly(config.data().resolve("index"), gazetteer);
            case "elasticsearch" -> ElasticsearchSearchStore.open(elasticsearch(s), gazetteer);
            default -> throw new IllegalArgumentException("unknown store kind " + s.kind());
        };
    }
}
