package io.chipwatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.chipwatch.config.ChipwatchConfig;
import io.chipwatch.nlp.Gazetteer;
import io.chipwatch.run.Components;
import io.chipwatch.nlp.GazetteerEntry;
import io.chipwatch.store.LuceneSearchStore;
import io.chipwatch.store.SearchHits;
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

    @Parameters(arity = "0..1", paramLabel = "QUERY", description = "Words to find (Chinese is matched word by word).")
    String text;

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
        SearchQuery query = new SearchQuery(kind, text, canonical(gazetteer, entity), metric, from, to, limit);
        return print(spec, store(spec, profile, data, gazetteer), query);
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
     * The configured store; the embedded one in --data (or $CHIPWATCH_DATA, ./data), which must
     * exist: searching never creates a data folder.
     */
    static SearchStore store(CommandSpec spec, ProfileOptions profile, DataOptions data, Gazetteer gazetteer) throws IOException {
        ChipwatchConfig config = profile.load(data);
        if ("lucene".equals(config.store().kind())) {
            return LuceneSearchStore.open(DataOptions.existingIndex(spec.commandLine(), config.data()), gazetteer);
        }
        return Components.store(config, gazetteer);
    }

    /** An alias as the store knows it: the gazetteer's canonical name, else as given. */
    static String canonical(Gazetteer gazetteer, String name) {
        if (name == null) {
            return null;
        }
        List<GazetteerEntry> found = gazetteer.lookup(name);
        return found.size() == 1 ? found.get(0).name() : name;
    }

    static int print(CommandSpec spec, SearchStore opened, SearchQuery query) {
        PrintWriter out = spec.commandLine().getOut();
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        try (SearchStore store = opened) {
            SearchHits<?> hits = switch (query.kind()) {
                case ARTICLES -> store.articles(query);
                case FIGURES -> store.figures(query);
                case EVENTS -> store.events(query);
                case ALERTS -> store.alerts(query);
            };
            for (Object hit : hits.hits()) {
                out.println(json.writeValueAsString(hit));
            }
            spec.commandLine().getErr().printf("%d of %d hits%n", hits.hits().size(), hits.total());
            out.flush();
            return 0;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot print a hit", e);
        }
    }
}
