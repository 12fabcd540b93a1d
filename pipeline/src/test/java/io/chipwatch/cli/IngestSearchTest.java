package io.chipwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** The embedded default end to end: ingest pages through every stage, then search them. */
class IngestSearchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void ingestedPagesAreSearchableByWordEntityAliasAndFigure() throws IOException {
        Path pages = Files.createDirectories(dir.resolve("pages"));
        Files.writeString(pages.resolve("a.html"), page("寒武纪芯片出货量大增",
                "2025年，寒武纪芯片出货量超过15万颗，同比增长80%。公司表示将继续扩大产能。"), StandardCharsets.UTF_8);
        Files.writeString(pages.resolve("b.html"), page("海光发布新一代服务器处理器",
                "海光信息今日发布新一代服务器处理器，核心数量提升至一百二十八个，面向数据中心市场。"), StandardCharsets.UTF_8);
        Path data = dir.resolve("data");

        Run ingest = run("ingest", "--data", data.toString(), pages.toString());

        assertThat(ingest.code).isZero();
        assertThat(ingest.out).contains("indexed 2 of 2 pages");

        List<JsonNode> byWord = run("search", "--data", data.toString(), "寒武纪").records();
        assertThat(byWord).hasSize(1);
        assertThat(byWord.get(0).get("title").asText()).isEqualTo("寒武纪芯片出货量大增");

        List<JsonNode> byAlias = run("search", "--data", data.toString(), "--entity", "Cambricon").records();
        assertThat(byAlias).extracting(r -> r.get("title").asText()).containsExactly("寒武纪芯片出货量大增");

        List<JsonNode> figures = run("figures", "--data", data.toString(), "--metric", "shipments", "--subject", "寒武纪").records();
        assertThat(figures).hasSize(1);
        assertThat(figures.get(0).get("value").asDouble()).isEqualTo(150_000);
        assertThat(figures.get(0).get("qualifier").asText()).isEqualTo("over");
        assertThat(figures.get(0).get("text").asText()).contains("出货量超过15万颗");
    }

    @Test
    void aPageThatCannotBeExtractedIsReportedAndTheOthersAreStillIndexed() throws IOException {
        Path pages = Files.createDirectories(dir.resolve("pages"));
        Files.writeString(pages.resolve("a.html"), page("摩尔线程发布新显卡", "摩尔线程今日发布新一代消费级显卡，性能较上一代提升约三成，售价维持不变。"), StandardCharsets.UTF_8);
        Files.write(pages.resolve("b.bin"), new byte[]{0, 1, 2, 3, 0, 0, (byte) 0xff, 0x10, 0, 0});
        Path data = dir.resolve("data");

        Run ingest = run("ingest", "--data", data.toString(), pages.toString());

        assertThat(ingest.code).isEqualTo(1);
        assertThat(ingest.out).contains("indexed 1 of 2 pages");
        assertThat(ingest.err).contains("not indexed: extract:");
        assertThat(run("search", "--data", data.toString(), "显卡").records()).hasSize(1);
    }

    @Test
    void ingestingTheSamePageTwiceKeepsOneCopy() throws IOException {
        Path page = Files.writeString(dir.resolve("a.html"), page("壁仞科技完成融资", "壁仞科技宣布完成新一轮融资，金额约为10亿元，资金将用于通用GPU研发。"), StandardCharsets.UTF_8);
        Path data = dir.resolve("data");

        run("ingest", "--data", data.toString(), page.toString());
        run("ingest", "--data", data.toString(), page.toString());

        assertThat(run("search", "--data", data.toString(), "融资").records()).hasSize(1);
        assertThat(run("search", "--data", data.toString(), "--figures", "融资").records()).hasSize(1);
    }

    private static String page(String title, String paragraph) {
        return "<html><head><meta charset=utf-8><title>" + title + "_示例科技网</title></head><body>"
                + "<h1>" + title + "</h1><div class=info>2025-10-25 10:20 来源：示例科技网</div>"
                + "<div class=article><p>" + paragraph + "</p><p>业内人士认为，这一进展值得关注，后续发展有待观察。</p></div></body></html>";
    }

    private record Run(int code, String out, String err) {
        List<JsonNode> records() throws IOException {
            List<JsonNode> out = new ArrayList<>();
            for (String line : this.out.split("\n")) {
                if (line.startsWith("{")) {
                    out.add(JSON.readTree(line));
                }
            }
            return out;
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
