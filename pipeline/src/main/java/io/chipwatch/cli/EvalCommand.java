package io.chipwatch.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chipwatch.eval.ExtractScorer;
import io.chipwatch.eval.ExtractScores;
import io.chipwatch.eval.GoldLoader;
import io.chipwatch.eval.Minimums;
import io.chipwatch.eval.NlpScorer;
import io.chipwatch.eval.NlpScores;
import io.chipwatch.eval.Pairing;
import io.chipwatch.html.ArticleExtractor;
import io.chipwatch.nlp.NlpAnalyzer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code chipwatch eval}: scores evaluation records against gold files and prints the summary
 * lines of {@code shared/eval/score_nlp.py} (same keys, same 3-decimal figures), so the two can be
 * compared textually. The records come from a JSONL file or from extracting pages on the spot.
 */
@Command(name = "eval",
        mixinStandardHelpOptions = true,
        description = {"Score evaluation records against gold files as shared/eval/score_nlp.py does and print its summary lines.",
                "Records come from a JSONL file (--pred) or from extracting pages (--inputs), as `extract --format eval` prints them.",
                "Records pair with gold documents by id (a page read from file X.txt takes id X when a gold document has it);"
                        + " one gold document and one record pair regardless of id."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:scored, every --min met", "1:a summary figure is below its --min",
                "2:usage error, or a gold or record file cannot be read"})
final class EvalCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(EvalCommand.class);

    @Parameters(arity = "1..*", paramLabel = "GOLD", description = "Gold JSON files (shared/eval/FORMAT.md), or folders of *.gold.json files.")
    List<Path> gold;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Records records;

    /** Where the records come from: exactly one of the two. */
    static final class Records {
        @Option(names = "--pred", paramLabel = "FILE", required = true,
                description = "Evaluation records, one JSON object per line (what `extract --format eval` prints).")
        Path pred;

        @Option(names = "--inputs", arity = "1", paramLabel = "FILE|DIR|URL", required = true,
                description = "Extract this page (a folder: its files in name order, *.json excepted) and score its eval records; repeatable.")
        List<String> inputs;
    }

    @Option(names = "--body", description = "Also score body, title, author and published as shared/eval/score_extract.py does (two more lines).")
    boolean body;

    @Option(names = "--min", paramLabel = "KEY=VALUE",
            description = {"Exit with 1 when a summary figure is below VALUE; repeatable. Keys: the summary keys,"
                    + " and with --body also body_p, body_r, body_f1, date_acc, author_acc, title_acc."})
    List<String> minimums = new ArrayList<>();

    @Option(names = {"-v", "--verbose"}, description = "Print each missed and spurious figure first (as SCORE_VERBOSE=1 does).")
    boolean verbose;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Minimums mins = parseMinimums();
        PrintWriter out = spec.commandLine().getOut();
        GoldLoader loader = new GoldLoader();
        List<JsonNode> golds;
        List<JsonNode> recs;
        try {
            golds = loader.gold(gold);
            recs = records.pred != null ? loader.records(records.pred) : extract(records.inputs, goldIds(golds));
        } catch (IOException e) {
            String reason = e instanceof NoSuchFileException ? "no such file: " + e.getMessage() : e.getMessage();
            spec.commandLine().getErr().println("chipwatch eval: cannot read " + reason);
            return 2;
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("chipwatch eval: " + e.getMessage());
            return 2;
        }
        warnUnpaired(golds, recs);

        NlpScores nlp;
        ExtractScores extract = null;
        try {
            nlp = NlpScorer.score(golds, recs);
            if (body) {
                extract = ExtractScorer.score(golds, recs);
            }
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("chipwatch eval: malformed gold or record: " + e.getMessage());
            return 2;
        }
        Map<String, Double> summary = new LinkedHashMap<>(nlp.summary());
        if (verbose) {
            nlp.missed().forEach(f -> out.println("missed   " + f.repr()));
            nlp.spurious().forEach(f -> out.println("spurious " + f.repr()));
        }
        if (extract != null) {
            out.println(extract.detailLine());
            out.println(extract.summaryLine());
            summary.putAll(extract.summary());
        }
        out.println(nlp.countsLine());
        out.println(nlp.summaryLine());

        for (String key : mins.keys()) {
            if (!summary.containsKey(key)) {
                LOG.warn("--min {}: no such summary figure (taken as 0); known: {}", key, String.join(", ", summary.keySet()));
            }
        }
        List<String> below = mins.failures(summary);
        if (!below.isEmpty()) {
            out.println("below minimum: " + String.join(", ", below));
        }
        out.flush();
        return below.isEmpty() ? 0 : 1;
    }

    private Minimums parseMinimums() {
        try {
            return Minimums.parse(minimums);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static java.util.Set<String> goldIds(List<JsonNode> golds) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (JsonNode g : golds) {
            JsonNode id = g.get("id");
            if (id != null && id.isTextual()) {
                ids.add(id.asText());
            }
        }
        return ids;
    }

    /**
     * The eval records of the inputs, one per page in order, failed ones as error records (logged).
     * A page read from a file named like a gold document's id ({@code a07-udn.txt} for id
     * {@code a07-udn}) takes that id, so a corpus of text files pairs with its gold files by name
     * rather than by a hash of wherever the corpus happens to be checked out.
     */
    private List<JsonNode> extract(List<String> inputs, java.util.Set<String> goldIds) throws IOException {
        ArticleExtractor extractor = ArticleExtractor.withDefaults();
        InputReader reader = new InputReader(System.in);
        RecordWriter writer = new RecordWriter(new ObjectMapper());
        NlpAnalyzer nlp = NlpAnalyzer.withDefaults();
        List<JsonNode> out = new ArrayList<>();
        for (String input : InputReader.expand(inputs)) {
            ExtractCommand.Outcome o = ExtractCommand.extractOne(reader, extractor, writer, input, null, null, nlp);
            JsonNode rec = writer.tree(o.record());
            String stem = fileStem(input);
            if (stem != null && goldIds.contains(stem) && rec instanceof com.fasterxml.jackson.databind.node.ObjectNode obj) {
                obj.put("id", stem);
            }
            out.add(rec);
        }
        return out;
    }

    private static String fileStem(String input) {
        if ("-".equals(input) || input.contains("://")) {
            return null;
        }
        String name = java.nio.file.Path.of(input).getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static void warnUnpaired(List<JsonNode> golds, List<JsonNode> recs) {
        List<JsonNode> paired = Pairing.pair(golds, recs);
        for (int i = 0; i < golds.size(); i++) {
            if (paired.get(i) == null) {
                JsonNode id = golds.get(i).get("id");
                LOG.warn("No record for gold document {}: it scores as an empty record", id == null ? "without id" : id.asText());
            }
        }
    }
}
