package io.chipwatch.html;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chipwatch.model.Article;
import io.chipwatch.model.RawPage;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every field of every page under {@code src/test/resources/pages}: invented pages in the
 * markup styles of the major Chinese portals, in GBK, GB2312, Big5 and UTF-8 (see the README there).
 */
class PortalFixturesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Fixed so that a date written without its year resolves the same way every run. */
    private static final Instant FETCHED_AT = Instant.parse("2025-11-28T08:00:00Z");

    private final ArticleExtractor extractor = ArticleExtractor.withDefaults();

    static Stream<String> pages() throws IOException, URISyntaxException {
        URL dir = PortalFixturesTest.class.getClassLoader().getResource("pages");
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".expected.json"))
                    .map(n -> n.substring(0, n.length() - ".expected.json".length()))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void extractsEveryField(String name) throws Exception {
        JsonNode expected = JSON.readTree(resource(name + ".expected.json"));
        byte[] html = resource(name + ".html");
        URI url = URI.create(expected.get("url").asText());

        Article a = extractor.extract(new RawPage(html, url, Map.of(), FETCHED_AT));

        SoftAssertions soft = new SoftAssertions();
        String charset = expected.get("charset").asText();
        soft.assertThat(a.charset()).as("charset").startsWith(charset);
        soft.assertThat(a.title()).as("title").isEqualTo(expected.get("title").asText());
        soft.assertThat(a.canonicalUrl()).as("canonical")
                .isEqualTo(expected.get("canonical").isNull() ? url.toString() : expected.get("canonical").asText());
        if (expected.get("published").isNull()) {
            soft.assertThat(a.published()).as("published").isNull();
        } else {
            soft.assertThat(a.published()).as("published").isEqualTo(OffsetDateTime.parse(expected.get("published").asText()));
        }
        soft.assertThat(a.author()).as("author").isEqualTo(textOrNull(expected.get("author")));
        soft.assertThat(a.source()).as("source").isEqualTo(textOrNull(expected.get("source")));
        soft.assertThat(a.lang()).as("lang").isEqualTo("zh");

        List<String> paragraphs = a.paragraphs();
        soft.assertThat(paragraphs).as("paragraphs of\n%s", a.body()).hasSize(expected.get("paragraphs").asInt());
        if (!paragraphs.isEmpty()) {
            soft.assertThat(strip(paragraphs.get(0))).as("first paragraph").startsWith(expected.get("first_paragraph_starts").asText());
            soft.assertThat(strip(paragraphs.get(paragraphs.size() - 1))).as("last paragraph")
                    .endsWith(expected.get("last_paragraph_ends").asText());
        }
        for (JsonNode clutter : expected.get("body_must_not_contain")) {
            soft.assertThat(a.body()).as("body without clutter").doesNotContain(clutter.asText());
        }
        soft.assertAll();
    }

    private static String strip(String s) {
        return s.replaceAll("^[\\s\\u3000\\u00a0]+|[\\s\\u3000\\u00a0]+$", "");
    }

    private static String textOrNull(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = PortalFixturesTest.class.getClassLoader().getResourceAsStream("pages/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource pages/" + name);
            }
            return in.readAllBytes();
        }
    }
}
