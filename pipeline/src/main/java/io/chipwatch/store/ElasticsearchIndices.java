package io.chipwatch.store;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The indices of a store, one per document kind, and how they come to exist. Each kind is written and read
 * through the alias {@code PREFIX-KIND} over the versioned index {@code PREFIX-KIND-vN}, made
 * from the composable template in {@code config/elasticsearch/KIND.json} (on the classpath as
 * {@code chipwatch/elasticsearch/KIND.json}), N being the template's {@code version}. So a
 * mapping can change by a new template version and a reindex, readers never noticing.
 */
final class ElasticsearchIndices {

    static final String TEMPLATE_RESOURCES = "chipwatch/elasticsearch/";

    enum Kind {
        ARTICLES("articles"), FIGURES("figures"), EVENTS("events"), ALERTS("alerts");

        final String name;

        Kind(String name) {
            this.name = name;
        }
    }

    private final String prefix;

    ElasticsearchIndices(String prefix) {
        this.prefix = prefix;
    }

    String alias(Kind kind) {
        return prefix + "-" + kind.name;
    }

    List<String> aliases() {
        return java.util.Arrays.stream(Kind.values()).map(this::alias).toList();
    }

    String templateName(Kind kind) {
        return alias(kind);
    }

    /**
     * Puts every template (so the cluster has the shipped mappings for the next index version)
     * and creates each versioned index with its alias when the alias is missing. Safe to run
     * from many processes at once: an index another one created meanwhile is fine.
     */
    void ensure(ElasticsearchClient client, ObjectMapper json) throws IOException {
        for (Kind kind : Kind.values()) {
            ObjectNode template = template(kind, json);
            template.putArray("index_patterns").add(alias(kind) + "-v*");
            String index = alias(kind) + "-v" + template.path("version").asInt(1);
            String body = json.writeValueAsString(template);
            client.indices().putIndexTemplate(t -> t.name(templateName(kind)).withJson(new StringReader(body)));
            if (!client.indices().existsAlias(a -> a.name(alias(kind))).value()) {
                create(client, index, alias(kind));
            }
        }
    }

    private static void create(ElasticsearchClient client, String index, String alias) throws IOException {
        try {
            client.indices().create(c -> c.index(index).aliases(alias, a -> a.isWriteIndex(true)));
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
            // The index exists (another process made it, or someone removed only the alias): point the alias at it.
            client.indices().putAlias(a -> a.index(index).name(alias).isWriteIndex(true));
        }
    }

    /** The shipped template of this kind, as in config/elasticsearch/. */
    static ObjectNode template(Kind kind, ObjectMapper json) {
        String resource = TEMPLATE_RESOURCES + kind.name + ".json";
        try (InputStream in = ElasticsearchIndices.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the index template " + resource + " is not on the classpath");
            }
            return (ObjectNode) json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the index template " + resource, e);
        }
    }
}
