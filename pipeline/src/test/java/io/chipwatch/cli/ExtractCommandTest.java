package io.chipwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExtractCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private HttpServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void printsOneRecordPerInputInOrderAndAnErrorRecordForABadOne() throws IOException {
        Path first = write("a.html", page("海光发布新一代服务器处理器", "海光信息今日发布新一代服务器处理器，核心数量提升至一百二十八个，面向数据中心市场。"), StandardCharsets.UTF_8);
        Path missing = dir.resolve("missing.html");
        Path third = write("c.html", page("长鑫存储扩产DDR5内存", "长鑫存储宣布扩大DDR5内存产能，新产线预计在明年第二季度投产，月产能将显著提升。"), Charset.forName("GBK"));

        Run run = run("extract", first.toString(), missing.toString(), third.toString());

        assertThat(run.exitCode).isEqualTo(1);
        assertThat(run.records).hasSize(3);
        assertThat(run.records.get(0).get("title").asText()).isEqualTo("海光发布新一代服务器处理器");
        assertThat(run.records.get(1).get("error").asText()).contains("cannot read input");
        assertThat(run.records.get(1).get("input").asText()).isEqualTo(missing.toString());
        assertThat(run.records.get(2).get("title").asText()).isEqualTo("长鑫存储扩产DDR5内存");
        assertThat(run.records.get(2).get("charset").asText()).isEqualTo("GB18030");
        assertThat(run.records.get(2).get("body").asText()).contains("月产能将显著提升");
    }

    @Test
    void evalFormatHasTheFieldsOfTheEvaluationRecord() throws IOException {
        Path file = write("a.html", page("壁仞科技完成新一轮融资", "壁仞科技宣布完成新一轮融资，资金将用于下一代通用GPU的研发和量产准备工作。"), StandardCharsets.UTF_8);

        Run run = run("extract", "--format", "eval", "--published", "2025-10-25T10:20:00+08:00", file.toString());

        assertThat(run.exitCode).isZero();
        JsonNode r = run.records.get(0);
        assertThat(r.fieldNames()).toIterable()
                .contains("id", "url", "title", "published", "author", "source", "lang", "body", "entities", "figures", "events");
        assertThat(r.get("published").asText()).isEqualTo("2025-10-25T10:20:00+08:00");
        assertThat(r.get("lang").asText()).isEqualTo("zh");
        assertThat(r.get("entities").isArray()).isTrue();
    }

    @Test
    void readsStandardInputAndAttributesTheGivenUrl() throws IOException {
        byte[] html = page("沐曦发布推理加速卡", "沐曦集成电路发布面向大模型推理的加速卡，单卡显存容量达到六十四GB，功耗明显降低。").getBytes(StandardCharsets.UTF_8);

        Run run = runWithStdin(html, "extract", "--url", "https://news.example.cn/2025/1025/a.html", "-");

        assertThat(run.exitCode).isZero();
        assertThat(run.records.get(0).get("url").asText()).isEqualTo("https://news.example.cn/2025/1025/a.html");
        assertThat(run.records.get(0).get("body").asText()).contains("加速卡");
    }

    @Test
    void fetchesAnAllowedUrlAndHonoursTheHeaderCharset() throws IOException {
        byte[] gbk = page("燧原科技推出新训练芯片", "燧原科技推出新一代训练芯片，采用先进封装工艺，性能较上一代提升一倍以上。")
                .replace("charset=utf-8", "charset=utf-8-wrong")
                .getBytes(Charset.forName("GBK"));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/news/1.html", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=GBK");
            exchange.sendResponseHeaders(200, gbk.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(gbk);
            }
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/news/1.html";

        Path sources = Files.writeString(dir.resolve("sources.yml"), "crawler:\n  host_delay_seconds: 0\n");

        Run run = run("extract", "--allow", "127.0.0.1", "--sources", sources.toString(), url);

        assertThat(run.exitCode).isZero();
        JsonNode r = run.records.get(0);
        assertThat(r.get("title").asText()).isEqualTo("燧原科技推出新训练芯片");
        assertThat(r.get("url").asText()).isEqualTo(url);
        assertThat(r.get("charset").asText()).isEqualTo("GB18030");
    }

    @Test
    void aBatchOfManyPagesYieldsOneRecordEachInInputOrder() throws IOException {
        List<String> args = new ArrayList<>(List.of("extract"));
        for (int i = 0; i < 100; i++) {
            args.add(write("p" + i + ".html", page("第" + i + "号芯片新闻标题", "这是第" + i + "篇关于芯片产业的报道正文，内容足够长，可以被识别为文章的主体段落。"),
                    StandardCharsets.UTF_8).toString());
        }

        Run run = run(args.toArray(String[]::new));

        assertThat(run.exitCode).isZero();
        assertThat(run.records).hasSize(100);
        for (int i = 0; i < 100; i++) {
            assertThat(run.records.get(i).get("title").asText()).isEqualTo("第" + i + "号芯片新闻标题");
        }
    }

    @Test
    void benchPrintsThroughputBesideItsBaseline() throws IOException {
        Path file = write("a.html", page("寒武纪发布新款云端芯片", "寒武纪发布新款云端训练芯片，采用全新架构，适配主流大模型框架，已开始向客户送样。"), StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), InputStream.nullInputStream(),
                "bench", "--rounds", "1", "--warmup", "0", file.toString());

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("failures_per_round=0")
                .containsPattern("ratio extract/baseline: +\\d+\\.\\d\\d");
    }

    @Test
    void helpSucceedsOnEveryCommand() {
        assertThat(run("--help").exitCode).isZero();
        assertThat(run("extract", "--help").exitCode).isZero();
        assertThat(run("bench", "--help").exitCode).isZero();
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run().exitCode).isEqualTo(2);
        assertThat(run("extract").exitCode).isEqualTo(2);
        assertThat(run("extract", "--no-such-option", "x").exitCode).isEqualTo(2);
        assertThat(run("extract", "--format", "xml", "x").exitCode).isEqualTo(2);
        assertThat(run("extract", "--published", "yesterday", "x").exitCode).isEqualTo(2);
        assertThat(run("extract", "--url", "https://a.example/x", "a.html", "b.html").exitCode).isEqualTo(2);
    }

    @Test
    void absurdPagesInABatchEachYieldARecordSayingWhatWasLeftOutAndTheBatchGoesOn() throws IOException {
        Path before = write("a.html", page("海光发布新一代服务器处理器", "海光信息今日发布新一代服务器处理器，核心数量提升至一百二十八个，面向数据中心市场。"), StandardCharsets.UTF_8);
        Path numerals = Files.writeString(dir.resolve("b.txt"), "亿亿亿\n营收" + "亿".repeat(60_000) + "元。", StandardCharsets.UTF_8);
        Path dots = Files.writeString(dir.resolve("c.txt"), "版本\n" + "1.".repeat(300_000), StandardCharsets.UTF_8);
        Path figures = Files.writeString(dir.resolve("d.txt"), "表格\n" + "营收增长12%，".repeat(5_000) + "。", StandardCharsets.UTF_8);
        Path after = write("e.html", page("长鑫存储扩产DDR5内存", "长鑫存储宣布扩大DDR5内存产能，新产线预计在明年第二季度投产，月产能将显著提升。"), StandardCharsets.UTF_8);

        Run run = run("extract", "--format", "eval", before.toString(), numerals.toString(), dots.toString(),
                figures.toString(), after.toString());

        assertThat(run.records).hasSize(5);
        assertThat(run.records.get(0).get("title").asText()).isEqualTo("海光发布新一代服务器处理器");
        assertThat(run.records.get(4).get("title").asText()).isEqualTo("长鑫存储扩产DDR5内存");
        assertThat(run.records.get(0).has("truncated")).isFalse();
        for (JsonNode absurd : run.records.subList(1, 4)) {
            assertThat(absurd.has("error")).as(absurd.toString().substring(0, 200)).isFalse();
            assertThat(absurd.get("truncated").get("sentences_cut").asInt()).isPositive();
        }
        assertThat(run.records.get(2).get("truncated").get("body_chars_skipped").asInt()).isPositive();
        assertThat(run.records.get(3).get("truncated").get("figures_dropped").asInt()).isPositive();
        assertThat(run.records.get(3).get("figures").size()).isPositive();
    }

    @Test
    void anInputWhoseWorkOverflowsTheStackCostsOnlyItsOwnRecord() {
        RecordWriter writer = new RecordWriter(JSON);

        ExtractCommand.Outcome overflowed = ExtractCommand.isolated(writer, "deep.html", null, () -> {
            throw new IllegalStateException("unreachable: " + depth(0));
        });
        ExtractCommand.Outcome next = ExtractCommand.isolated(writer, "next.html", null,
                () -> new ExtractCommand.Outcome(java.util.Map.of("id", "next"), false));

        assertThat(overflowed.failed()).isTrue();
        assertThat(overflowed.record()).containsEntry("input", "deep.html");
        assertThat((String) overflowed.record().get("error")).contains("StackOverflowError");
        assertThat(next.failed()).isFalse();
        assertThat(next.record()).containsEntry("id", "next");
    }

    @Test
    void runningOutOfMemoryIsNotTakenForOneInputsFailure() {
        RecordWriter writer = new RecordWriter(JSON);

        // a real OutOfMemoryError that fills no heap: an array larger than the VM allows
        assertThatThrownBy(() -> ExtractCommand.isolated(writer, "huge.html", null,
                () -> new ExtractCommand.Outcome(java.util.Map.of("size", new long[Integer.MAX_VALUE].length), false)))
                .isInstanceOf(OutOfMemoryError.class);
    }

    private static int depth(int n) {
        return depth(n + 1) + 1;
    }

    private Path write(String name, String html, Charset charset) throws IOException {
        String declared = html.replace("charset=utf-8", "charset=" + (charset.name().equals("GBK") ? "gbk" : "utf-8"));
        return Files.write(dir.resolve(name), declared.getBytes(charset));
    }

    private static String page(String title, String paragraph) {
        return "<html><head><meta charset=utf-8><title>" + title + "_示例科技网</title></head><body>"
                + "<div class=nav><a href=/>首页</a><a href=/tech>科技</a><a href=/chip>芯片</a></div>"
                + "<h1>" + title + "</h1><div class=info>2025-10-25 10:20 来源：示例科技网</div>"
                + "<div class=article><p>" + paragraph + "</p><p>" + paragraph + "业内人士认为，这一进展值得关注。</p></div>"
                + "<div class=footer>Copyright © 2025 示例科技网 版权所有</div></body></html>";
    }

    private Run run(String... args) {
        return runWithStdin(new byte[0], args);
    }

    private Run runWithStdin(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = new ByteArrayInputStream(stdin);
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), in, args);
        List<JsonNode> records = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.startsWith("{")) {
                try {
                    records.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new AssertionError("not JSON: " + line, e);
                }
            }
        }
        return new Run(code, records);
    }

    private record Run(int exitCode, List<JsonNode> records) {
    }
}
