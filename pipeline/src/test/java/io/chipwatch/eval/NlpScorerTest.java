package io.chipwatch.eval;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class NlpScorerTest {

    private final GoldLoader loader = new GoldLoader();

    @Test
    void scoresTheTwoDocumentFixtureAsComputedByHand() throws Exception {
        NlpScores s = NlpScorer.score(loader.gold(List.of(resource("multi"))), loader.records(resource("multi-pred.jsonl")));

        // chip-a: 华芯 (alias) and lingyun910 (folded alias) found; 上海市 and ORG 凌云910 (wrong type) not;
        // chip-b: SCME and "12 英寸晶圆" found, PERSON 张三 not. chip-z has no gold and is not scored.
        assertThat(s.documents()).isEqualTo(2);
        assertThat(List.of(s.entGold(), s.entFound(), s.entPred(), s.entPredOk())).containsExactly(6, 4, 7, 4);
        // chip-a: 5 gold, 6 predicted; the orders range misses (value_max 2100 is 5% off) and the
        // profit figure loses to the same-metric revenue one. chip-b: 2 gold, 3 predicted (one in wrong unit).
        assertThat(List.of(s.figGold(), s.figPred(), s.figFound())).containsExactly(7, 9, 6);
        // metric: growth predicted as "other"; subject: all through aliases (HX, Huaxin Tech, 申城, None=None);
        // period: "2025-q3" folds equal, 2024 (a number) equals "2024", None vs 2025-Q3 and 2026-01 vs 2026 do not.
        assertThat(List.of(s.metricOk(), s.subjectOk(), s.periodOk())).containsExactly(5, 6, 4);
        // events: both of chip-a found (SCME through gold aliases, gold product null so not checked), one date wrong;
        // chip-b: investment found via the record alias 申城 (date None = None), mass production missed.
        assertThat(List.of(s.evGold(), s.evPred(), s.evFound(), s.evDateOk(), s.evStatusOk())).containsExactly(4, 4, 3, 2, 3);

        assertThat(s.summary().get("entity_p")).isCloseTo(4.0 / 7, within(1e-12));
        assertThat(s.summary().get("figure_f1")).isCloseTo(0.75, within(1e-12));
        assertThat(s.countsLine()).isEqualTo("documents=2 gold figures=7 predicted=9 gold entities=6 gold events=4");
        assertThat(s.summaryLine()).isEqualTo("entity_p=0.571 entity_r=0.667 figure_p=0.667 figure_r=0.857"
                + " metric_acc=0.833 subject_acc=1.000 period_acc=0.667 event_r=0.750 event_p=0.750"
                + " event_date_acc=0.667 figure_f1=0.750");
        assertThat(s.missed()).extracting(NlpScores.FigureRef::repr)
                .containsExactly("('chip-a', 'orders', 1000, 'units', '订单约1000至2000片')");
        assertThat(s.spurious()).extracting(NlpScores.FigureRef::repr).containsExactly(
                "('chip-a', 'profit', 1260000000, 'CNY', '营收12.5亿元')",
                "('chip-a', 'orders', 1000, 'units', '订单约1000至2000片')",
                "('chip-b', 'capacity', 50000, 'units', '5万片')");
    }

    @Test
    void aSingleGoldAndASingleRecordPairWhateverTheirIds() throws Exception {
        List<JsonNode> gold = loader.gold(List.of(resource("single.gold.json")));
        List<JsonNode> record = loader.records(resource("single-pred.jsonl"));

        NlpScores s = NlpScorer.score(gold, record);

        assertThat(s.figFound()).isEqualTo(3);
        assertThat(s.periodOk()).isEqualTo(2); // "2025-9" is not "2025-09"; a missing period equals null
        assertThat(s.summaryLine()).isEqualTo("entity_p=1.000 entity_r=1.000 figure_p=1.000 figure_r=1.000"
                + " metric_acc=1.000 subject_acc=1.000 period_acc=0.667 event_r=1.000 event_p=1.000"
                + " event_date_acc=1.000 figure_f1=1.000");

        NlpScores unpaired = NlpScorer.score(gold, List.of(record.get(0), json("{\"id\": \"third\"}")));
        assertThat(unpaired.figFound()).isZero();
        assertThat(unpaired.figPred()).isZero();
        assertThat(unpaired.summaryLine()).doesNotContain("=1.000");
    }

    @Test
    void greedyMatchingPrefersTheCandidateWithTheGoldMetricAndUsesEachOnce() throws IOException {
        JsonNode gold = json("{\"id\": \"d\", \"figures\": ["
                + "{\"metric\": \"revenue\", \"value\": 100, \"unit\": \"USD\"},"
                + "{\"metric\": \"profit\", \"value\": 100, \"unit\": \"USD\"}]}");
        JsonNode rec = json("{\"id\": \"d\", \"figures\": ["
                + "{\"metric\": \"profit\", \"value\": 100.5, \"unit\": \"USD\"},"
                + "{\"metric\": \"revenue\", \"value\": 99.5, \"unit\": \"USD\"},"
                + "{\"metric\": \"revenue\", \"value\": 100, \"unit\": \"CNY\"}]}");

        NlpScores s = NlpScorer.score(List.of(gold), List.of(rec));

        assertThat(s.figFound()).isEqualTo(2);
        assertThat(s.metricOk()).isEqualTo(2);
        assertThat(s.spurious()).extracting(NlpScores.FigureRef::repr).containsExactly("('d', 'revenue', 100, 'CNY', None)");
    }

    @Test
    void closeAllowsOnePercentOfTheLargerValueAndReadsNumbersAsPythonFloatDoes() throws IOException {
        assertThat(NlpScorer.close(json("100"), json("101"))).isTrue();
        assertThat(NlpScorer.close(json("100"), json("101.1"))).isFalse();
        assertThat(NlpScorer.close(json("\" 56.4 \""), json("56"))).isTrue();
        assertThat(NlpScorer.close(json("\"1_000\""), json("1000.0"))).isTrue();
        assertThat(NlpScorer.close(json("\"abc\""), json("1"))).isFalse();
        assertThat(NlpScorer.close(json("[1]"), json("1"))).isFalse();
        assertThat(NlpScorer.close(json("true"), json("1"))).isTrue();
        assertThat(NlpScorer.close(null, null)).isTrue();
        assertThat(NlpScorer.close(null, json("0"))).isFalse();
        assertThat(NlpScorer.close(json("0"), json("0.0"))).isTrue();
    }

    @Test
    void aliasGroupsMergeThroughSharedNamesAndFoldWhitespaceAndCase() throws IOException {
        AliasGroups al = new AliasGroups(List.of(
                json("{\"name\": \"华芯科技\", \"aliases\": [\"Huaxin Tech\"]}"),
                json("{\"name\": \"HUAXIN tech\", \"aliases\": [\"HX\"]}"),
                json("{\"name\": \"申城微电子\"}")));

        assertThat(al.same(json("\"华芯科技\""), json("\"hx\""))).isTrue();
        assertThat(al.same(json("\" 华芯\u3000科技 \""), json("\"华芯科技\""))).isTrue();
        assertThat(al.same(json("\"华芯科技\""), json("\"申城微电子\""))).isFalse();
        assertThat(al.same(null, null)).isTrue();
        assertThat(al.same(null, json("\"HX\""))).isFalse();
        assertThat(al.same(json("2024"), json("\"2024\""))).isTrue();
    }

    @Test
    void figuresPrintAsPythonWould() {
        assertThat(Py.format3(0.0625)).isEqualTo("0.062"); // exact binary tie, rounded half-even
        assertThat(Py.format3(2.0 / 3)).isEqualTo("0.667");
        assertThat(Py.format3(0.0)).isEqualTo("0.000");
        assertThat(Py.reprFloat(1e20)).isEqualTo("1e+20");
        assertThat(Py.reprFloat(1e-5)).isEqualTo("1e-05");
        assertThat(Py.reprFloat(4080000.0)).isEqualTo("4080000.0");
        assertThat(Py.reprFloat(42131609999.99999)).isEqualTo("42131609999.99999");
        assertThat(Py.reprFloat(0.8)).isEqualTo("0.8");
        assertThat(Py.reprString("it's \"q\"\t\\")).isEqualTo("'it\\'s \"q\"\\t\\\\'");
        assertThat(Py.reprString("x'y")).isEqualTo("\"x'y\"");
    }

    @Test
    void extractScoresFollowScoreExtract() throws Exception {
        assertThat(ExtractScorer.tokenize("华芯 Lingyun-910芯片，ＡＢＣ")).containsExactly("华", "芯", "lingyun", "910", "芯", "片", "abc");
        assertThat(ExtractScorer.dateCorrect(json("\"2025-10-20T09:30:00+08:00\""), json("\"2025年10月20日 09:30\""))).isTrue();
        assertThat(ExtractScorer.dateCorrect(json("\"2025-10-20T09:30:00+08:00\""), json("\"2025-10-20\""))).isFalse();
        assertThat(ExtractScorer.dateCorrect(json("\"2025-10\""), json("\"2025/10/31 23:00\""))).isTrue();
        assertThat(ExtractScorer.dateCorrect(json("\"2025-10-21\""), null)).isFalse();

        ExtractScores s = ExtractScorer.score(loader.gold(List.of(resource("multi"))), loader.records(resource("multi-pred.jsonl")));

        // chip-a body: 29 of 66 gold tokens, all 29 predicted ones right; chip-b body identical
        assertThat(s.bodyP()).isEqualTo(1.0);
        assertThat(s.bodyR()).isCloseTo((29.0 / 66 + 1.0) / 2, within(1e-12));
        assertThat(s.summaryLine()).isEqualTo("body_f1=0.805 date_acc=0.500 author_acc=0.000 n=2");
        assertThat(s.titleAcc()).isEqualTo(1.0);
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(NlpScorerTest.class.getResource("/eval/" + name).toURI());
    }

    private JsonNode json(String text) throws IOException {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
    }
}
