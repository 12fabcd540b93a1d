package io.chipwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code chipwatch search} and {@code figures}: the query language, snippets and the table, json and csv formats. */
class SearchFormatsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path data;

    @BeforeAll
    static void ingest() throws IOException {
        Path pages = Files.createDirectories(dir.resolve("pages"));
        Files.writeString(pages.resolve("a.html"), page("寒武纪芯片出货量大增",
                "2025年，寒武纪芯片出货量超过15万颗，同比增长80%。公司表示将继续扩大产能。"), StandardCharsets.UTF_8);
        Files.writeString(pages.resolve("b.html"), page("海光发布新一代服务器处理器",
                "海光信息今日发布新一代服务器处理器，核心数量提升至一百二十八个，面向数据中心市场。"), StandardCharsets.UTF_8);
        data = dir.resolve("data");
        assertThat(run("ingest", "--data", data.toString(), pages.toString()).code).isZero();
    }

    @Test
    void theQueryLanguageWorksOnTheCommandLineAndArticlesComeWithSnippetsNotBodies() throws IOException {
        List<JsonNode> either = run("search", "--data", data.toString(), "寒武纪 OR 海光").records();
        List<JsonNode> without = run("search", "--data", data.toString(), "芯片 OR 处理器 -海光").records();

        assertThat(either).hasSize(2).allSatisfy(r -> {
            assertThat(r.has("body")).isFalse();
            assertThat(r.get("snippet").asText()).contains("【");
        });
        assertThat(without).extracting(r -> r.get("title").asText()).containsExactly("寒武纪芯片出货量大增");
    }

    @Test
    void aMalformedQueryIsAUsageErrorSayingWhy() {
        Run bad = run("search", "--data", data.toString(), "(寒武纪 OR");

        assertThat(bad.code).isEqualTo(2);
        assertThat(bad.err).contains("QUERY:").contains("the query ended");
    }

    @Test
    void csvHasTheApisColumnsAndTheSnippetMarksTheWordsFound() {
        String csv = run("search", "--data", data.toString(), "--format", "csv", "出货量").out;

        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo("published,source,title,snippet,entities,url,id");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).contains("寒武纪芯片出货量大增").contains("【出货量】");
    }

    @Test
    void aTableLinesUpItsColumnsCountingChineseAsTwoWide() {
        String table = run("search", "--data", data.toString(), "--format", "table", "寒武纪 OR 海光").out;

        List<String> lines = table.lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("published").contains("title").contains("snippet");
        int titleColumn = HitPrinter.width(lines.get(0).substring(0, lines.get(0).indexOf("title")));
        for (String row : lines.subList(1, 3)) {
            int at = row.indexOf(row.contains("寒武纪芯片") ? "寒武纪芯片" : "海光发布");
            assertThat(HitPrinter.width(row.substring(0, at))).isEqualTo(titleColumn);
        }
    }

    @Test
    void figuresTakeAChineseMetricWordAndAPeriod() throws IOException {
        List<JsonNode> in2025 = run("figures", "--data", data.toString(), "--metric", "出货量", "--period", "2025").records();
        List<JsonNode> in2024 = run("figures", "--data", data.toString(), "--metric", "出货量", "--period", "2024").records();

        assertThat(in2025).singleElement().satisfies(f -> {
            assertThat(f.get("metric").asText()).isEqualTo("shipments");
            assertThat(f.get("period").asText()).startsWith("2025");
        });
        assertThat(in2024).isEmpty();
    }

    private static String page(String title, String paragraph) {
        return "<html><head><meta charset=utf-8><title>" + title + "_示例科技网</title></head><body>"
                + "<h1>" + title + "</h1><div class=info>2025-10-25 10:20 来源：示例科技网</div>"
                + "<div class=article><p>" + paragraph + "</p><p>业内人士认为，这一进展值得关注，后续发展有待观察。</p></div></body></html>";
    }

    private record Run(int code, String out, String err) {
        List<JsonNode> records() throws IOException {
            List<JsonNode> records = new ArrayList<>();
            for (String line : out.split("\n")) {
                if (line.startsWith("{")) {
                    records.add(JSON.readTree(line));
                }
            }
            return records;
        }
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        int code;
        try (PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setErr(errStream);
            code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]), args);
        } finally {
            System.setErr(originalErr);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
