package io.chipwatch.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class EvalCommandTest {

    private static final String MULTI_COUNTS = "documents=2 gold figures=7 predicted=9 gold entities=6 gold events=4";
    private static final String MULTI_SUMMARY = "entity_p=0.571 entity_r=0.667 figure_p=0.667 figure_r=0.857"
            + " metric_acc=0.833 subject_acc=1.000 period_acc=0.667 event_r=0.750 event_p=0.750"
            + " event_date_acc=0.667 figure_f1=0.750";

    @TempDir
    Path dir;

    @Test
    void printsTheTwoSummaryLinesOfTheScorer() throws Exception {
        Run run = run("eval", resource("multi"), "--pred", resource("multi-pred.jsonl"));

        assertThat(run.code).isZero();
        assertThat(run.lines()).containsExactly(MULTI_COUNTS, MULTI_SUMMARY);
    }

    @Test
    void verbosePrintsMissedAndSpuriousFiguresFirst() throws Exception {
        Run run = run("eval", "-v", resource("multi/a.gold.json"), resource("multi/b.gold.json"), "--pred", resource("multi-pred.jsonl"));

        assertThat(run.lines()).containsExactly(
                "missed   ('chip-a', 'orders', 1000, 'units', '订单约1000至2000片')",
                "spurious ('chip-a', 'profit', 1260000000, 'CNY', '营收12.5亿元')",
                "spurious ('chip-a', 'orders', 1000, 'units', '订单约1000至2000片')",
                "spurious ('chip-b', 'capacity', 50000, 'units', '5万片')",
                MULTI_COUNTS, MULTI_SUMMARY);
    }

    @Test
    void minimumsSetTheExitStatus() throws Exception {
        Run met = run("eval", resource("multi"), "--pred", resource("multi-pred.jsonl"), "--min", "figure_f1=0.75", "--min", "entity_p=0.5");
        assertThat(met.code).isZero();

        Run below = run("eval", resource("multi"), "--pred", resource("multi-pred.jsonl"),
                "--min", "figure_r=0.9", "--min", "event_r=0.5", "--min", "period_acc=1");
        assertThat(below.code).isEqualTo(1);
        assertThat(below.lines()).endsWith(MULTI_SUMMARY, "below minimum: figure_r=0.857<0.9, period_acc=0.667<1.0");

        assertThat(run("eval", resource("multi"), "--pred", resource("multi-pred.jsonl"), "--min", "figure_r").code).isEqualTo(2);
        assertThat(run("eval", resource("multi"), "--pred", resource("multi-pred.jsonl"), "--min", "figure_r=high").code).isEqualTo(2);
    }

    @Test
    void bodyAddsTheExtractionScores() throws Exception {
        Run run = run("eval", "--body", resource("multi"), "--pred", resource("multi-pred.jsonl"), "--min", "title_acc=1", "--min", "author_acc=0.5");

        assertThat(run.code).isEqualTo(1);
        assertThat(run.lines()).containsExactly(
                "gold=2 predicted=2 missing=0 body_p=1.000 body_r=0.720 title_acc=1.000 published=1/2 author=0/1 title=2/2",
                "body_f1=0.805 date_acc=0.500 author_acc=0.000 n=2",
                MULTI_COUNTS, MULTI_SUMMARY,
                "below minimum: author_acc=0.000<0.5");
    }

    @Test
    void scoresTheRecordsThatExtractPrintsForTheInputs() throws IOException {
        Path pages = Files.createDirectories(dir.resolve("pages"));
        Path page = Files.writeString(pages.resolve("a.html"), page("星河智算发布星河X1推理卡",
                "星河智算今日发布星河X1推理卡，售价9999元，首批出货超过1万张，面向大模型推理市场。"), StandardCharsets.UTF_8);
        Path gold = Files.writeString(dir.resolve("a.gold.json"), "{\"id\": \"a\", \"title\": \"星河智算发布星河X1推理卡\","
                + " \"published\": \"2025-10-25T10:20:00+08:00\", \"author\": null,"
                + " \"entities\": [{\"type\": \"ORG\", \"name\": \"星河智算\"}],"
                + " \"figures\": [{\"metric\": \"price\", \"value\": 9999, \"unit\": \"CNY\"}], \"events\": []}", StandardCharsets.UTF_8);

        Run fromDir = run("eval", "--body", gold.toString(), "--inputs", pages.toString());

        assertThat(fromDir.code).isZero();
        assertThat(fromDir.lines()).hasSize(4);
        assertThat(fromDir.lines().subList(0, 2)).containsExactly(
                "gold=1 predicted=1 missing=0 body_p=0.000 body_r=0.000 title_acc=1.000 published=1/1 author=0/0 title=1/1",
                "body_f1=0.000 date_acc=1.000 author_acc=0.000 n=1");
        // the NLP stage finds the price the gold names; which other figures it adds is its own business
        assertThat(fromDir.lines().get(3)).contains("figure_r=1.000", "metric_acc=1.000");

        Run extract = run("extract", "--format", "eval", page.toString());
        Path pred = Files.writeString(dir.resolve("pred.jsonl"), extract.out, StandardCharsets.UTF_8);
        assertThat(run("eval", "--body", gold.toString(), "--pred", pred.toString()).lines()).isEqualTo(fromDir.lines());
    }

    @Test
    void pagesReadFromFilesPairWithTheGoldFilesOfTheirName() throws IOException {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        // file names sort one way, gold ids are given the other: only pairing by name scores both
        Files.writeString(corpus.resolve("d1-x.txt"), "星河智算发布推理卡\n发布时间: 2025-10-25 10:20\n\n"
                + "星河智算今日发布推理卡，售价9999元，面向大模型推理市场。\n", StandardCharsets.UTF_8);
        Files.writeString(corpus.resolve("d2-y.txt"), "月海半导体营收增长\n发布时间: 2025-10-26 09:00\n\n"
                + "月海半导体第三季度营收为12亿元，同比增长30%。\n", StandardCharsets.UTF_8);
        Path gold = Files.createDirectories(dir.resolve("gold"));
        Files.writeString(gold.resolve("d2-y.gold.json"), "{\"id\": \"d2-y\", \"entities\": [],"
                + " \"figures\": [{\"metric\": \"revenue\", \"value\": 1200000000, \"unit\": \"CNY\"}], \"events\": []}",
                StandardCharsets.UTF_8);
        Files.writeString(gold.resolve("d1-x.gold.json"), "{\"id\": \"d1-x\", \"entities\": [],"
                + " \"figures\": [{\"metric\": \"price\", \"value\": 9999, \"unit\": \"CNY\"}], \"events\": []}",
                StandardCharsets.UTF_8);

        Run both = run("eval", gold.resolve("d2-y.gold.json").toString(), gold.resolve("d1-x.gold.json").toString(),
                "--inputs", corpus.toString());

        assertThat(both.code).isZero();
        assertThat(both.lines().get(0)).startsWith("documents=2 gold figures=2");
        assertThat(both.lines().get(1)).contains("figure_r=1.000");
    }

    @Test
    void usageAndReadErrorsExitWithTwo() throws Exception {
        assertThat(run("eval", "--help").code).isZero();
        assertThat(run("eval", resource("multi")).code).isEqualTo(2);
        assertThat(run("eval", "--pred", resource("multi-pred.jsonl")).code).isEqualTo(2);
        assertThat(run("eval", resource("multi"), "--pred", resource("multi-pred.jsonl"), "--inputs", "x.html").code).isEqualTo(2);
        assertThat(run("eval", dir.resolve("missing.gold.json").toString(), "--pred", resource("multi-pred.jsonl")).code).isEqualTo(2);
        Path notJson = Files.writeString(dir.resolve("bad.jsonl"), "{\"id\": 1}\nnot json\n");
        Run bad = run("eval", resource("multi"), "--pred", notJson.toString());
        assertThat(bad.code).isEqualTo(2);
        assertThat(bad.out).isEmpty();
    }

    /** The python scorer stays the referee: on the fixtures its output and status must be ours, line for line. */
    @Test
    void agreesWithThePythonScorerOnTheFixtures() throws Exception {
        Path scorer = Paths.get("..", "..", "shared", "eval", "score_nlp.py");
        assumeTrue(Files.isRegularFile(scorer), "no " + scorer.toAbsolutePath().normalize());
        assumeTrue(pythonAvailable(), "no python3");

        List<List<String>> cases = List.of(
                List.of(resource("multi"), resource("multi-pred.jsonl")),
                List.of(resource("multi/b.gold.json"), resource("multi/a.gold.json"), resource("multi-pred.jsonl")),
                List.of(resource("single.gold.json"), resource("single-pred.jsonl")),
                List.of(resource("single.gold.json"), resource("multi-pred.jsonl")),
                List.of(resource("multi"), resource("single.gold.json"), resource("single-pred.jsonl")));
        List<String> mins = List.of("--min", "figure_f1=0.7", "--min", "period_acc=0.7", "--min", "event_p=0.75");
        for (List<String> c : cases) {
            List<String> gold = c.subList(0, c.size() - 1);
            String pred = c.get(c.size() - 1);
            for (boolean verbose : new boolean[] {false, true}) {
                List<String> py = new ArrayList<>(List.of("python3", scorer.toString()));
                py.addAll(c);
                py.addAll(mins);
                Run python = python(py, verbose);

                List<String> java = new ArrayList<>(List.of("eval"));
                if (verbose) {
                    java.add("-v");
                }
                java.addAll(gold);
                java.addAll(List.of("--pred", pred));
                java.addAll(mins);
                Run ours = run(java.toArray(String[]::new));

                assertThat(ours.out).as("output for %s, verbose %s", c, verbose).isEqualTo(python.out);
                assertThat(ours.code).as("status for %s", c).isEqualTo(python.code);
            }
        }
    }

    private static boolean pythonAvailable() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Run python(List<String> command, boolean verbose) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().remove("SCORE_FLAGS");
        pb.environment().remove("SCORE_VERBOSE");
        if (verbose) {
            pb.environment().put("SCORE_VERBOSE", "1");
        }
        pb.environment().put("PYTHONIOENCODING", "utf-8");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    private static String page(String title, String paragraph) {
        return "<html><head><meta charset=utf-8><title>" + title + "_示例科技网</title></head><body>"
                + "<h1>" + title + "</h1><div class=info>2025-10-25 10:20 来源：示例科技网</div>"
                + "<div class=article><p>" + paragraph + "</p><p>" + paragraph + "业内人士认为，这一进展值得关注。</p></div>"
                + "</body></html>";
    }

    private static String resource(String name) throws URISyntaxException {
        return Path.of(EvalCommandTest.class.getResource("/eval/" + name).toURI()).toString();
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(out, true, StandardCharsets.UTF_8), InputStream.nullInputStream(), args);
        return new Run(code, out.toString(StandardCharsets.UTF_8));
    }

    private record Run(int code, String out) {
        List<String> lines() {
            return out.isEmpty() ? List.of() : List.of(out.split("\n"));
        }
    }
}
