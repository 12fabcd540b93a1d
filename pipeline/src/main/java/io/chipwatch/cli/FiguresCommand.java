package io.chipwatch.cli;

import io.chipwatch.nlp.Gazetteer;
import io.chipwatch.nlp.Lexicon;
import io.chipwatch.store.QueryExpr;
import io.chipwatch.store.SearchQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;

/** Lists figures: {@code chipwatch figures --metric shipments --subject 华为}. */
@Command(name = "figures", mixinStandardHelpOptions = true,
        description = "List indexed figures by metric and subject, newest first; one JSON figure per line.")
final class FiguresCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    DataOptions data = new DataOptions();

    @Mixin
    ProfileOptions profile = new ProfileOptions();

    @Option(names = "--metric", paramLabel = "METRIC", description = "shipments, revenue, market_share, ... or a word of one (出货量).")
    String metric;

    @Option(names = "--period", paramLabel = "PERIOD", description = "Of this period or within it: 2024 finds 2024, 2024-Q1, 2024-05...")
    String period;

    @Option(names = "--format", paramLabel = "FORMAT", description = "table, json or csv; default: table on a terminal, json when piped.")
    HitPrinter.Format format;

    @Option(names = "--subject", paramLabel = "NAME", description = "Whom the figure is about (any alias).")
    String subject;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD")
    LocalDate to;

    @Option(names = "--limit", defaultValue = "20")
    int limit;

    @Override
    public Integer call() throws IOException {
        Gazetteer gazetteer = Gazetteer.defaults();
        String label = metric == null ? null : Lexicon.defaults().metric(metric).orElse(metric);
        SearchQuery query = new SearchQuery(SearchQuery.Kind.FIGURES, null, SearchCommand.canonical(gazetteer, subject),
                label, from, to, limit).withWhere(period == null ? null : new QueryExpr.Field("period", period.strip()));
        return SearchCommand.print(spec, SearchCommand.store(spec, profile, data, gazetteer), query, List.of(), format);
    }
}
