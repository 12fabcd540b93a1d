package io.chipwatch.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chipwatch.config.ChipwatchConfig;
import io.chipwatch.crawl.CrawlHealth;
import io.chipwatch.ops.OpsServer;

import java.io.UncheckedIOException;

/**
 * The whole process's {@code /health}: its stages (DOWN once one stopped on its own), the
 * crawler (see {@link CrawlHealth}), and which bus and store it runs on. The top-level
 * {@code status} is the worst of its components; DOWN answers 503, UP and DEGRADED answer 200
 * (a degraded process still works, and restarting it would not mend a failing site).
 */
public final class ProcessHealth {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProcessHealth() {
    }

    /** @param crawler the crawler's health, or null when this process does not crawl */
    public static OpsServer.Health of(OpsServer.Health stages, CrawlHealth crawler, ChipwatchConfig config) {
        ObjectNode root;
        try {
            root = (ObjectNode) JSON.readTree(stages.json());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        String status = stages.up() ? "UP" : "DOWN";
        ObjectNode components = JSON.createObjectNode();
        components.set("stages", stageStatus(root));
        ObjectNode bus = components.putObject("bus");
        bus.put("kind", config.bus().kind());
        // the bus and the store have no probe of their own yet: the stages reading and writing them
        // stop (DOWN, with the reason) when either fails for good
        bus.put("status", stages.up() ? "UP" : "UNKNOWN");
        ObjectNode store = components.putObject("store");
        store.put("kind", config.store().kind());
        store.put("status", stages.up() ? "UP" : "UNKNOWN");
        if (crawler != null) {
            ObjectNode crawl = crawler.json();
            components.set("crawler", crawl);
            status = worst(status, crawl.path("status").asText());
        }
        root.put("status", status);
        root.set("components", components);
        return new OpsServer.Health(!status.equals("DOWN"), root.toString());
    }

    private static JsonNode stageStatus(ObjectNode root) {
        ObjectNode node = JSON.createObjectNode();
        node.put("status", root.path("status").asText("UP"));
        return node;
    }

    private static String worst(String a, String b) {
        if (a.equals("DOWN") || b.equals("DOWN")) {
            return "DOWN";
        }
        return a.equals("DEGRADED") || b.equals("DEGRADED") ? "DEGRADED" : "UP";
    }
}
