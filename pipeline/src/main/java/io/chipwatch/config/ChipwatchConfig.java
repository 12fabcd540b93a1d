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
 * @param workers how many workers each stage runs in this process
 */
public record ChipwatchConfig(Path data, Bus bus, Store store, List<String> stages, Path sources, Path alerts, Workers workers) {

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
        workers = workers == null ? Workers.DEFAULT : workers;
        for (String s : stages) {
            if (!STAGES.contains(s)) {
                throw new IllegalArgumentException("unknown stage '" + s + "'; stages are " + String.join(", ", STAGES));
            }
        }
    }

    /** With the default workers. */
    public ChipwatchConfig(Path data, Bus bus, Store store, List<String> stages, Path sources, Path alerts) {
        this(data, bus, store, stages, sources, alerts, Workers.DEFAULT);
    }

    /** With the default sources and alerts files and workers. */
    public ChipwatchConfig(Path data, Bus bus, Store store, List<String> stages) {
        this(data, bus, store, stages, DEFAULT_SOURCES, DEFAULT_ALERTS);
    }

    public ChipwatchConfig withStages(List<String> value) {
        return new ChipwatchConfig(data, bus, store, value, sources, alerts, workers);
    }

    public ChipwatchConfig withSources(Path value) {
        return new ChipwatchConfig(data, bus, store, stages, value, alerts, workers);
    }

    public ChipwatchConfig withAlerts(Path value) {
        return new ChipwatchConfig(data, bus, store, stages, sources, value, workers);
    }

    public ChipwatchConfig withData(Path value) {
        return new ChipwatchConfig(value, bus, store, stages, sources, alerts, workers);
    }

    public ChipwatchConfig withWorkers(Workers value) {
        return new ChipwatchConfig(data, bus, store, stages, sources, alerts, value);
    }

    /**
     * Workers per stage in one process: each is a member of the stage's consumer group with
     * partitions of its own, so one article's records (one key, one partition) stay in order.
     * Workers beyond the partitions of the stage's topic get none and wait. The crawler and the
     * alert stage (one ledger) have none to set.
     *
     * @param perStage extract, nlp or index → at least 1; a stage not named runs one worker per core
     */
    public record Workers(java.util.Map<String, Integer> perStage) {

        public static final List<String> STAGES = List.of("extract", "nlp", "index");
        /** One worker per core for every stage. */
        public static final Workers DEFAULT = new Workers(java.util.Map.of());

        public Workers {
            perStage = java.util.Map.copyOf(perStage);
            perStage.forEach((stage, n) -> {
                if (!STAGES.contains(stage)) {
                    throw new IllegalArgumentException("workers." + stage + ": only " + String.join(", ", STAGES) + " have workers");
                }
                if (n == null || n < 1) {
                    throw new IllegalArgumentException("workers." + stage + " must be at least 1, not " + n);
                }
            });
        }

        /** The workers of this stage: as configured, else as many as the machine has cores. */
        public int of(String stage) {
            Integer n = perStage.get(stage);
            return n != null ? n : Runtime.getRuntime().availableProcessors();
        }
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
