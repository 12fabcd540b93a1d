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
 * @param stages the stages this process runs (extract, nlp, index, alert)
 * @param alerts the alerts file (rules and sinks) of the alert stage
 */
public record ChipwatchConfig(Path data, Bus bus, Store store, List<String> stages, Path alerts) {

    /** Where the alerts file is looked for when the configuration names none; the jar ships a copy. */
    public static final Path DEFAULT_ALERTS = Path.of("config", "alerts.yml");

    public ChipwatchConfig {
        stages = List.copyOf(stages);
        for (String s : stages) {
            if (!List.of("extract", "nlp", "index", "alert").contains(s)) {
                throw new IllegalArgumentException("unknown stage '" + s + "'; stages are extract, nlp, index, alert");
            }
        }
        alerts = alerts == null ? DEFAULT_ALERTS : alerts;
    }

    /** With the default alerts file. */
    public ChipwatchConfig(Path data, Bus bus, Store store, List<String> stages) {
        this(data, bus, store, stages, DEFAULT_ALERTS);
    }

    /**
     * @param kind        memory or kafka
     * @param partitions  partitions of each topic the bus creates
     * @param capacity    in-memory bus: records a partition holds before publishers wait
     * @param bootstrap   kafka: host:port list
     * @param replication kafka: replication factor of created topics
     */
    public record Bus(String kind, int partitions, int capacity, String bootstrap, short replication) {

        public Bus {
            if (!kind.equals("memory") && !kind.equals("kafka")) {
                throw new IllegalArgumentException("bus.kind must be memory or kafka, not '" + kind + "'");
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
