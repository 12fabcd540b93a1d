package io.chipwatch.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * The main configuration file as written, bound strictly (see {@code StrictYaml}): every key is
 * optional, none other is allowed. {@link ConfigLoader} turns it into a {@link ChipwatchConfig}.
 * {@code password} and {@code api_key} are bound only to be refused with a pointer to the environment.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ConfigFile(String data, BusFile bus, StoreFile store, List<String> stages, String sources, String alerts,
                  WorkersFile workers) {

    static final ConfigFile EMPTY = new ConfigFile(null, null, null, null, null, null, null);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record BusFile(String kind, Integer partitions, Integer capacity, String bootstrap, Integer replication) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StoreFile(String kind, List<String> urls, @JsonProperty("index_prefix") String indexPrefix, String username,
                     @JsonProperty("ca_certificate") String caCertificate, @JsonProperty("insecure_tls") Boolean insecureTls,
                     String password, @JsonProperty("api_key") String apiKey) {
    }

    /** Threads per stage in one process; a stage left out or null gets one per core. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record WorkersFile(Integer extract, Integer nlp, Integer index) {

        ChipwatchConfig.Workers toWorkers() {
            java.util.Map<String, Integer> perStage = new java.util.LinkedHashMap<>();
            if (extract != null) {
                perStage.put("extract", extract);
            }
            if (nlp != null) {
                perStage.put("nlp", nlp);
            }
            if (index != null) {
                perStage.put("index", index);
            }
            return new ChipwatchConfig.Workers(perStage);
        }
    }
}
