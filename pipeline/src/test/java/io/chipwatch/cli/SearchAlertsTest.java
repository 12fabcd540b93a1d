package io.chipwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chipwatch.nlp.Gazetteer;
import io.chipwatch.store.AlertDoc;
import io.chipwatch.store.LuceneSearchStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code chipwatch search --alerts} on the embedded store. */
class SearchAlertsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void listsTheStoredAlertsNewestFirstAndFiltersThemByEntity() throws IOException {
        Path data = dir.resolve("data");
        try (LuceneSearchStore store = LuceneSearchStore.open(data.resolve("index"), Gazetteer.defaults())) {
            store.index(List.of(
                    alert("al-1", "寒武纪", "思元590", "新品发布: 寒武纪 思元590，计划 2026-Q1", Instant.parse("2025-10-25T02:20:00Z")),
                    alert("al-2", "摩尔线程", "MTT S5000", "新品发布: 摩尔线程 MTT S5000，计划 2026-Q2", Instant.parse("2025-10-26T01:00:00Z"))));
        }

        List<JsonNode> all = records(run("search", "--data", data.toString(), "--alerts"));
        List<JsonNode> cambricon = records(run("search", "--data", data.toString(), "--alerts", "--entity", "Cambricon"));

        assertThat(all).extracting(r -> r.get("id").asText()).containsExactly("al-2", "al-1");
        assertThat(cambricon).singleElement().satisfies(r -> {
            assertThat(r.get("headline").asText()).contains("思元590");
            assertThat(r.get("created").asText()).isEqualTo("2025-10-25T02:20:00Z");
        });
    }

    @Test
    void askingForTwoKindsAtOnceIsAUsageError() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]),
                "search", "--data", dir.toString(), "--alerts", "--events");

        assertThat(code).as("usage error").isEqualTo(2);
    }

    private static AlertDoc alert(String id, String org, String product, String headline, Instant created) {
        return new AlertDoc(id, "NEW", 1, "ai-chip-launches", org, product, "product_announcement", null, headline,
                null, List.of(), List.of(), List.of(), created, List.of());
    }

    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]), args);
        assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<JsonNode> records(String out) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("{")) {
                records.add(JSON.readTree(line));
            }
        }
        return records;
    }
}
