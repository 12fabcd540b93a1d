package io.chipwatch.html;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Markup nested absurdly deep is flattened before parsing; real pages pass untouched (issue 20). */
class NestingLimiterTest {

    private final NestingLimiter limiter = new NestingLimiter();

    @Test
    void realPagesPassThroughUnchanged() throws Exception {
        List<Path> pages = realPages();
        assertThat(pages).isNotEmpty();
        for (Path page : pages) {
            // Latin-1 keeps every byte as one char: the structure is what matters here.
            String html = Files.readString(page, StandardCharsets.ISO_8859_1);

            NestingLimiter.Limited limited = limiter.limit(html);

            assertThat(limited.tagsDropped()).as(page.toString()).isZero();
            assertThat(limited.html()).as(page.toString()).isSameAs(html);
        }
    }

    @Test
    void aMegabyteOfUnclosedDivsIsCutToTheDepthLimitAndKeepsItsText() {
        String html = "<html><body><h1>标题</h1>" + "<div>".repeat(200_000) + "芯片出货量达1200万颗。</body></html>";

        NestingLimiter.Limited limited = limiter.limit(html);
        Document doc = Jsoup.parse(limited.html());

        assertThat(limited.tagsDropped()).isEqualTo(200_000 - NestingLimiter.MAX_DEPTH);
        assertThat(doc.select("div")).hasSize(NestingLimiter.MAX_DEPTH);
        assertThat(deepest(doc)).isEqualTo(NestingLimiter.MAX_DEPTH + 2); // html, body, then the divs
        assertThat(doc.body().text()).contains("芯片出货量达1200万颗。");
    }

    @Test
    void theEndTagsOfLeftOutElementsAreLeftOutToo() {
        String html = "<html><body>" + "<div>".repeat(300) + "深处的文字" + "</div>".repeat(300) + "<p>之后的段落</p></body></html>";

        Document doc = Jsoup.parse(limiter.limit(html).html());

        Element after = doc.selectFirst("p");
        assertThat(after).isNotNull();
        assertThat(after.text()).isEqualTo("之后的段落");
        assertThat(after.parent()).isEqualTo(doc.body());
        assertThat(doc.text()).contains("深处的文字");
    }

    @Test
    void aLeftOutBlockKeepsItsLinesApart() {
        String html = "<body>" + "<div>".repeat(NestingLimiter.MAX_DEPTH) + "第一行<div>第二行</div></body>";

        Document doc = Jsoup.parse(limiter.limit(html).html());

        assertThat(doc.body().wholeText()).contains("第一行\n第二行");
    }

    @Test
    void voidElementsRawTextCommentsAndImpliedEndsDoNotDeepen() {
        String many = "<br><img src=x><input>".repeat(500)
                + "<script>" + "<div>".repeat(500) + "</script>"
                + "<style>" + "<div>".repeat(500) + "</style>"
                + "<!-- " + "<div>".repeat(500) + " -->"
                + "<textarea>" + "<div>".repeat(500) + "</textarea>"
                + "<p>段落".repeat(500)
                + "<ul>" + "<li>条目".repeat(500) + "</ul>"
                + "<dl>" + "<dt>词<dd>释义".repeat(500) + "</dl>"
                + "<table>" + "<tr><td>格<td>格".repeat(500) + "</table>"
                + "<td>表外的格".repeat(500)
                + "<select>" + "<option>选项".repeat(500) + "</select>"
                + "<span title=\"<div><div>\">x</span>".repeat(500)
                + "<svg>" + "<path d=\"M0\"/>".repeat(500) + "</svg>"
                + "<h2>标题<h3>小标题".repeat(500);

        NestingLimiter.Limited limited = limiter.limit("<html><body>" + many + "</body></html>");

        assertThat(limited.tagsDropped()).isZero();
    }

    @Test
    void randomlyMixedUnclosedTagsStayNearTheLimitAndParse() {
        String[] tags = {"div", "span", "table", "td", "p", "a", "b", "li", "ul", "font", "section", "tr"};
        Random random = new Random(20);
        StringBuilder html = new StringBuilder("<html><body>");
        for (int i = 0; i < 100_000; i++) {
            html.append('<').append(tags[random.nextInt(tags.length)]).append('>');
        }
        html.append("芯片</body></html>");

        NestingLimiter.Limited limited = limiter.limit(html.toString());
        Document doc = Jsoup.parse(limited.html());

        assertThat(limited.tagsDropped()).isPositive();
        // re-opened formatting elements and implied table parts are not counted: a little slack
        assertThat(deepest(doc)).isLessThanOrEqualTo(NestingLimiter.MAX_DEPTH + 16);
        assertThat(doc.body().text()).contains("芯片");
    }

    /** The depth of the deepest element, the root element counting 1; iterative, as the tree may be deep. */
    private static int deepest(Document doc) {
        int max = 0;
        for (Element e : doc.getAllElements()) {
            int depth = 0;
            for (Element p = e; p != null; p = p.parent()) {
                depth++;
            }
            max = Math.max(max, depth);
        }
        return max - 1; // the document node itself is an element in jsoup
    }

    /** This module's test pages, and the shared corpus's when it sits beside the checkout. */
    private static List<Path> realPages() throws IOException, URISyntaxException {
        List<Path> dirs = new ArrayList<>();
        URL fixtures = NestingLimiterTest.class.getClassLoader().getResource("pages");
        if (fixtures != null && "file".equals(fixtures.getProtocol())) {
            dirs.add(Path.of(fixtures.toURI()));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path corpus = dir.resolve("shared").resolve("corpus").resolve("pages");
            if (Files.isDirectory(corpus)) {
                dirs.add(corpus);
                break;
            }
        }
        List<Path> pages = new ArrayList<>();
        for (Path dir : dirs) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> f.toString().endsWith(".html")).sorted().forEach(pages::add);
            }
        }
        return pages;
    }
}
