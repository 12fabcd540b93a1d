package io.chipwatch.config;

import java.nio.file.Path;
import java.util.List;

/**
 * What a chipwatch process runs on: which bus, which store, which stages. Read from YAML by
 * {@link ConfigLoader}, with environment variables overriding any value. Secrets (passwords,
 * API keys) are never in the file; they come only from the environment.
 *
 * @param data   folder of the embedded store and other local state
 * @param bus    the bus between stages
 * @param store  the search store
 * @param stages  the stages this process runs (crawl, extract, nlp, index, alert)
 * @param sources the crawler's sources file; when it does not exist, the copy shipped in the jar
 * @param alerts  the alert stage's rules and sinks; when it does not exist, the copy shipped in the jar
 */
public record ChipwatchConfig(Path data, Bus bus, Store store, List<String> stages, Path sources, Path alerts) {

    public static final List<String> STAGES = List.of("crawl", "extract", "nlp", "index", "alert");
    /** The stages a profile runs when it names none: alerts need sinks configured first. */
    public static final List<String> DEFAULT_STAGES = List.of("crawl", "extract", "nlp", "index");
    public static final Path DEFAULT_SOURCES = Path.of("config", "sources.yml");
    /** Where the alerts file is looked for when the configuration names none; the jar ships a copy. */
    public static final Path DEFAULT_ALERTS = Path.of("config", "alerts.yml");

    public ChipwatchConfig {
        stages = List.copyOf(stages);
        sources = sources == null ? DEFAULT_SOURCES : sources;
        alerts = alerts == null ? DEFAULT_ALERTS : alerts;
        for (String s : stages) {
            if (!STAGES.contains(s)) {
                throw new IllegalArgumentException("unknown stage '" + s + "'; stages are " + String.join(", ", STAGES));
            }
        }
    }

    /** With the default sources and alerts files. */
    public ChipwatchConfig(Path data, Bus bus, Store store, List<String> stages) {
        this(data, bus, store, stages, DEFAULT_SOURCES, DEFAULT_ALERTS);
    }

    public ChipwatchConfig withStages(List<String> value) {
        return new ChipwatchConfig(data, bus, store, value, sources, alerts);
    }

    public ChipwatchConfig withSources(Path value) {
        return new ChipwatchConfig(data, bus, store, stages, value, alerts);
    }

    public ChipwatchConfig withAlerts(Path value) {
        return new ChipwatchConfig(data, bus, store, stages, sources, value);
    }

    public ChipwatchConfig withData(Path value) {
        return new ChipwatchConfig(value, bus, store, stages, sources, alerts);
    }

    /**
     * @param kind        journal (the embedded bus, kept on disk under {@code data/bus}: what it
     *                    acknowledged survives a killed process), memory (the same, kept in memory
     *                    only: tests and benchmarks) or kafka
     * @param partitions  partitions of each topic the bus creates
     * @param capacity    journal and memory: records a partition holds before publishers wait
     * @param bootstrap   kafka: host:port list
     * @param replication kafka: replication factor of created topics
     */
    public record Bus(String kind, int partitions, int capacity, String bootstrap, short replication) {

        public Bus {
            if (!kind.equals("journal") && !kind.equals("memory") && !kind.equals("kafka")) {
                throw new IllegalArgumentException("bus.kind must be journal, memory or kafka, not '" + kind + "'");
            }
            if (kind.equals("kafka") && (bootstrap == null || bootstrap.isBlank())) {
                throw new IllegalArgumentException("bus.bootstrap is required for the kafka bus (or set CHIPWATCH_BUS_BOOTSTRAP)");
            }
        }
    }

    /**
     * @param kind        lucene or elasticsearch
     * @param urls        elasticsearch: node URLs
     * @param indexPrefix elasticsearch: prefix of the index and alias names
     * @param username    elasticsearch: user, with CHIPWATCH_STORE_PASSWORD from the environment
     * @param password    from the environment only
     * @param apiKey      from the environment only (CHIPWATCH_STORE_API_KEY)
     * @param caCertificate elasticsearch over https: PEM file of the CA to trust, or null for the JDK's
     * @param insecureTls   trust any certificate (test clusters with self-signed certificates only)
     */
    public record Store(String kind, List<String> urls, String indexPrefix, String username, String password, String apiKey,
                        String caCertificate, boolean insecureTls) {

        public Store {
            urls = urls == null ? List.of() : List.copyOf(urls);
            if (!kind.equals("lucene") && !kind.equals("elasticsearch")) {
                throw new IllegalArgumentException("store.kind must be lucene or elasticsearch, not '" + kind + "'");
            }
            if (kind.equals("elasticsearch") && urls.isEmpty()) {
                throw new IllegalArgumentException("store.urls is required for elasticsearch (or set CHIPWATCH_STORE_URLS)");
            }
        }

        /** Never prints secrets. */
        @Override
        public String toString() {
            return "Store[kind=" + kind + ", urls=" + urls + ", indexPrefix=" + indexPrefix + ", username=" + username
                    + ", password=" + (password == null ? "none" : "***") + ", apiKey=" + (apiKey == null ? "none" : "***")
                    + ", caCertificate=" + caCertificate + ", insecureTls=" + insecureTls + "]";
        }
    }
}
