package io.chipwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The Kibana saved objects refer only to fields the index templates define, and import posts them. */
class KibanaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of("..");
    private static final Pattern KQL_FIELD = Pattern.compile("([A-Za-z_][A-Za-z0-9_.]*)\\s*:");

    @Test
    void everyFieldTheSavedObjectsUseExistsInItsIndexTemplate() throws IOException {
        Map<String, Set<String>> fieldsByIndex = new HashMap<>();
        for (String kind : List.of("articles", "figures", "events", "alerts")) {
            JsonNode template = JSON.readTree(ROOT.resolve("config/elasticsearch/" + kind + ".json").toFile());
            Set<String> fields = new HashSet<>();
            collect(template.path("template").path("mappings").path("properties"), "", fields);
            fieldsByIndex.put("chipwatch-" + kind, fields);
        }
        List<String> lines = Files.readAllLines(ROOT.resolve("config/kibana/chipwatch.ndjson"));
        Map<String, String> titles = new HashMap<>();
        int checked = 0;
        for (String line : lines) {
            JsonNode o = JSON.readTree(line);
            if (o.path("type").asText().equals("index-pattern")) {
                String title = o.path("attributes").path("title").asText();
                assertThat(fieldsByIndex).as("data view " + title + " has a template").containsKey(title);
                assertThat(fieldsByIndex.get(title)).contains(o.path("attributes").path("timeFieldName").asText());
                titles.put(o.path("id").asText(), title);
            }
        }
        for (String line : lines) {
            JsonNode o = JSON.readTree(line);
            String type = o.path("type").asText();
            if (!type.equals("search") && !type.equals("visualization")) {
                continue;
            }
            String index = titles.get(o.path("references").get(0).path("id").asText());
            assertThat(index).as(o.path("id").asText() + " refers to a data view").isNotNull();
            Set<String> used = new HashSet<>();
            o.path("attributes").path("columns").forEach(c -> used.add(c.asText()));
            o.path("attributes").path("sort").forEach(s -> used.add(s.get(0).asText()));
            JsonNode source = JSON.readTree(o.path("attributes").path("kibanaSavedObjectMeta").path("searchSourceJSON").asText());
            Matcher m = KQL_FIELD.matcher(source.path("query").path("query").asText());
            while (m.find()) {
                used.add(m.group(1));
            }
            if (type.equals("visualization")) {
                JSON.readTree(o.path("attributes").path("visState").asText()).path("aggs").forEach(a -> {
                    if (a.path("params").has("field")) {
                        used.add(a.path("params").path("field").asText());
                    }
                });
            }
            assertThat(fieldsByIndex.get(index)).as(o.path("id").asText() + " uses fields of " + index).containsAll(used);
            checked += used.size();
        }
        assertThat(checked).isGreaterThan(10);
        assertThat(titles).containsValue("chipwatch-alerts");
    }

    @Test
    void importPostsTheObjectsToKibanasImportApi() throws IOException {
        AtomicReference<String> body = new AtomicReference<>();
        AtomicReference<String> xsrf = new AtomicReference<>();
        AtomicReference<String> path = new AtomicReference<>();
        HttpServer kibana = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        kibana.createContext("/api/saved_objects/_import", ex -> {
            path.set(ex.getRequestURI().toString());
            xsrf.set(ex.getRequestHeaders().getFirst("kbn-xsrf"));
            body.set(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] ok = "{\"success\":true,\"successCount\":10}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, ok.length);
            ex.getResponseBody().write(ok);
            ex.close();
        });
        kibana.start();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]),
                    "kibana", "import", "--url", "http://127.0.0.1:" + kibana.getAddress().getPort(),
                    "--file", ROOT.resolve("config/kibana/chipwatch.ndjson").toString());

            assertThat(code).isZero();
            assertThat(path.get()).isEqualTo("/api/saved_objects/_import?overwrite=true");
            assertThat(xsrf.get()).isNotBlank();
            assertThat(body.get()).contains("filename=\"chipwatch.ndjson\"", "\"chipwatch-overview\"", "Chip announcements",
                    "New chip alerts");
        } finally {
            kibana.stop(0);
        }
    }

    @Test
    void anUnreachableKibanaIsAClearFailure() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]),
                "kibana", "import", "--url", "http://127.0.0.1:9", "--file", ROOT.resolve("config/kibana/chipwatch.ndjson").toString());
        assertThat(code).isEqualTo(1);
    }

    private static void collect(JsonNode properties, String prefix, Set<String> out) {
        properties.fields().forEachRemaining(e -> {
            if (e.getValue().has("properties")) {
                collect(e.getValue().path("properties"), prefix + e.getKey() + ".", out);
            } else {
                out.add(prefix + e.getKey());
            }
        });
    }
}
