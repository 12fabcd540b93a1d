package io.chipwatch.cli;

import io.chipwatch.config.ChipwatchConfig;
import io.chipwatch.nlp.Gazetteer;
import io.chipwatch.run.Components;
import io.chipwatch.nlp.GazetteerEntry;
import io.chipwatch.store.HanLpAnalyzer;
import io.chipwatch.store.QueryExpr;
import io.chipwatch.store.QuerySyntax;
import io.chipwatch.store.SearchHits;
import io.chipwatch.web.Snippets;
import io.chipwatch.store.SearchQuery;
import io.chipwatch.store.SearchStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** Searches the embedded store: articles by words and entity, figures, events or alerts by their fields. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search the indexed articles (or --figures, --events, --alerts); prints one JSON hit per line.")
final class SearchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data = new DataOptions();

    @Mixin
    ProfileOptions profile = new ProfileOptions();

    @Parameters(arity = "0..1", paramLabel = "QUERY", description = {"What to find, in the query language of the HTTP API:",
            "华为 OR 高通, 芯片 -英伟达, \"云端训练芯片\", entity:英伟达 source:芯闻网 (Chinese is matched word by word)."})
    String text;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "table, json (one record per line; articles with a snippet instead of the body) or csv; "
                    + "default: table on a terminal, json when piped.")
    HitPrinter.Format format;

    @Option(names = "--entity", paramLabel = "NAME", description = "Only documents about this entity (any alias: NVIDIA = 英伟达).")
    String entity;

    @Option(names = "--metric", paramLabel = "METRIC", description = "Figures of this metric (shipments, revenue, ...); implies --figures.")
    String metric;

    @Option(names = "--figures", description = "Search figures instead of articles.")
    boolean figures;

    @Option(names = "--events", description = "Search events instead of articles.")
    boolean events;

    @Option(names = "--alerts", description = "Search the alerts an `index` sink stored (words of headline and sentence; "
            + "--entity: org or product; --from/--to: created); newest first without words.")
    boolean alerts;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "Published (alerts: created) on or after this day.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Published (alerts: created) on or before this day.")
    LocalDate to;

    @Option(names = "--limit", defaultValue = "10", description = "At most this many hits (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() throws IOException {
        Gazetteer gazetteer = Gazetteer.defaults();
        SearchQuery.Kind kind = kind();
        QueryExpr where = parse(spec, text, kind);
        SearchQuery query = new SearchQuery(kind, null, canonical(gazetteer, entity), metric, from, to, limit).withWhere(where);
        List<String> marked = new ArrayList<>(where == null ? List.of() : QueryExpr.positiveTexts(where));
        if (entity != null) {
            marked.add(entity);
        }
        List<String> terms = kind == SearchQuery.Kind.ARTICLES
                ? new Snippets(new HanLpAnalyzer(gazetteer), gazetteer).terms(marked) : List.of();
        return print(spec, store(spec, profile, data, gazetteer), query, terms, format);
    }

    /** The query in the query language, or null; malformed, it is a usage error saying where and why. */
    static QueryExpr parse(CommandSpec spec, String text, SearchQuery.Kind kind) {
        try {
            return QuerySyntax.parse(text, kind);
        } catch (QuerySyntax.SyntaxException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "QUERY: " + e.getMessage());
        }
    }

    /** The kind the options ask for; two of --figures (or --metric), --events and --alerts are a usage error. */
    private SearchQuery.Kind kind() {
        boolean figureSearch = figures || metric != null;
        int asked = (figureSearch ? 1 : 0) + (events ? 1 : 0) + (alerts ? 1 : 0);
        if (asked > 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "give one of --figures (or --metric), --events and --alerts");
        }
        return figureSearch ? SearchQuery.Kind.FIGURES : events ? SearchQuery.Kind.EVENTS
                : alerts ? SearchQuery.Kind.ALERTS : SearchQuery.Kind.ARTICLES;
    }

    /**
     * The configured store, opened for searching only; the embedded one in --data (or
     * $CHIPWATCH_DATA, ./data), which must exist: searching never creates a data folder, and it
     * works while {@code chipwatch run} writes there (a read-only open takes no lock).
     */
    static SearchStore store(CommandSpec spec, ProfileOptions profile, DataOptions data, Gazetteer gazetteer) throws IOException {
        ChipwatchConfig config = profile.load(data);
        if ("lucene".equals(config.store().kind())) {
            config = config.withData(DataOptions.existingIndex(spec.commandLine(), config.data()).getParent());
        }
        return Components.readOnlyStore(config, gazetteer);
    }

    /** An alias as the store knows it: the gazetteer's canonical name, else as given. */
    static String canonical(Gazetteer gazetteer, String name) {
        if (name == null) {
            return null;
        }
        List<GazetteerEntry> found = gazetteer.lookup(name);
        return found.size() == 1 ? found.get(0).name() : name;
    }

    static int print(CommandSpec spec, SearchStore opened, SearchQuery query, List<String> terms, HitPrinter.Format format) {
        PrintWriter out = spec.commandLine().getOut();
        try (SearchStore store = opened) {
            SearchHits<?> hits = switch (query.kind()) {
                case ARTICLES -> store.articles(query);
                case FIGURES -> store.figures(query);
                case EVENTS -> store.events(query);
                case ALERTS -> store.alerts(query);
            };
            new HitPrinter().print(out, query.kind(), hits, terms, format == null ? HitPrinter.defaultFormat() : format);
            spec.commandLine().getErr().printf("%d of %d hits%n", hits.hits().size(), hits.total());
            out.flush();
            return 0;
        }
    }
}
