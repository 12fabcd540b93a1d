package io.chipwatch.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chipwatch.html.ArticleExtractor;
import io.chipwatch.html.SiteRules;
import io.chipwatch.model.Article;
import io.chipwatch.nlp.NlpAnalyzer;
import io.chipwatch.model.ExtractionException;
import io.chipwatch.model.RawPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code chipwatch extract}: one JSON record per input, in input order. An input that cannot
 * be extracted yields a record with an {@code error} field, so outputs stay aligned with inputs.
 */
@Command(name = "extract",
        mixinStandardHelpOptions = true,
        description = {"Extract articles from HTML pages or plain-text files and print one JSON record per input.",
                "Inputs are files, http(s) URLs (fetched as the crawler fetches: no loopback or private addresses unless --allow) or - for standard input."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every input extracted", "1:at least one input failed (its record has an error field)", "2:usage error"})
final class ExtractCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ExtractCommand.class);

    enum Format { json, eval }

    @Option(names = "--format", defaultValue = "json",
            description = "Output record: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). eval is the record of shared/eval/FORMAT.md.")
    Format format;

    @Option(names = "--url", paramLabel = "U", description = "URL the file or stdin input was fetched from (used for the id, canonical URL and site rules).")
    URI url;

    @Option(names = "--published", paramLabel = "ISO", description = "Publication time to use instead of the one found in the page, e.g. 2025-10-25T10:20:00+08:00.")
    String published;

    @Option(names = "--site-rules", paramLabel = "FILE", description = "Extra site rules (YAML), taking precedence over the built-in ones.")
    Path siteRules;

    @picocli.CommandLine.Mixin
    FetchOptions fetch = new FetchOptions();

    @Parameters(arity = "1..*", paramLabel = "FILE|URL", description = "Pages to extract; - reads standard input.")
    List<String> inputs;

    private final PrintStream out;
    private final java.io.InputStream in;

    ExtractCommand(PrintStream out, java.io.InputStream in) {
        this.out = out;
        this.in = in;
    }

    @Override
    public Integer call() throws IOException {
        if (url != null && inputs.size() > 1) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--url names the origin of a single input; give one input with it");
        }
        OffsetDateTime publishedOverride = parsePublished();
        SiteRules rules = SiteRules.defaults();
        if (siteRules != null) {
            rules = rules.plus(SiteRules.read(siteRules));
        }
        ArticleExtractor extractor = new ArticleExtractor(rules);
        InputReader reader = new InputReader(in, () -> fetch.settings(io.chipwatch.config.ChipwatchConfig.DEFAULT_SOURCES));
        RecordWriter writer = new RecordWriter(new ObjectMapper());
        NlpAnalyzer nlp = format == Format.eval ? NlpAnalyzer.withDefaults() : null;
        int failures = 0;
        for (String input : inputs) {
            Outcome outcome = extractOne(reader, extractor, writer, input, url, publishedOverride, nlp);
            failures += outcome.failed() ? 1 : 0;
            try {
                out.println(writer.line(outcome.record()));
            } catch (JsonProcessingException e) {
                throw new IOException("cannot write record for " + input, e);
            }
        }
        out.flush();
        reader.close();
        return failures == 0 ? 0 : 1;
    }

    /** The record of one input, as {@code extract} prints it, and whether its extraction failed. */
    record Outcome(Map<String, Object> record, boolean failed) {
    }

    /**
     * Reads and extracts one input into its record in the given format, or into an error record
     * saying why it could not (logged); never throws for a bad input (see {@link #isolated}).
     * {@code eval} scores these same records.
     *
     * @param url               the URL a file or stdin input came from, or null
     * @param publishedOverride the publication time to use instead of the page's, or null
     * @param nlp               for the evaluation record, the analyzer that fills its entities,
     *                          figures and events; null for the article record
     */
    static Outcome extractOne(InputReader reader, ArticleExtractor extractor, RecordWriter writer, String input,
                              URI url, OffsetDateTime publishedOverride, NlpAnalyzer nlp) {
        return isolated(writer, input, url, () -> {
            RawPage page = reader.read(input, url);
            Article article = extractor.extract(page);
            if (publishedOverride != null) {
                article = article.withPublished(publishedOverride);
            }
            return new Outcome(nlp != null ? writer.eval(article, input, nlp.analyze(article)) : writer.json(article, input), false);
        });
    }

    /** The work on one input. */
    interface InputWork {
        Outcome run() throws ExtractionException, IOException;
    }

    /**
     * The outcome of one input's work, or its error record when the work throws anything at all
     * (a stack overflow included: it has unwound by the time it arrives here), so that one input
     * costs one record and never the batch. Only a fatal VM error (out of memory, an internal
     * error) is thrown on: the JVM itself is unreliable then.
     */
    static Outcome isolated(RecordWriter writer, String input, URI url, InputWork work) {
        try {
            return work.run();
        } catch (ExtractionException | IOException | RuntimeException e) {
            String reason = e instanceof IOException io ? "cannot read input: " + io : e.getMessage();
            LOG.warn("Cannot extract {}: {}", input, reason);
            return new Outcome(writer.error(input, url, reason), true);
        } catch (Throwable e) {
            if (e instanceof VirtualMachineError fatal && !(e instanceof StackOverflowError)) {
                throw fatal;
            }
            String reason = "extraction failed: " + e;
            LOG.error("Cannot extract {}: {}", input, reason, e);
            return new Outcome(writer.error(input, url, reason), true);
        }
    }

    private OffsetDateTime parsePublished() {
        if (published == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(published);
        } catch (DateTimeParseException e) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--published must be an ISO offset date-time such as 2025-10-25T10:20:00+08:00, not '" + published + "'");
        }
    }
}
