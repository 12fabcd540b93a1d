package io.chipwatch.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.chipwatch.store.AlertDoc;
import io.chipwatch.store.ArticleDoc;
import io.chipwatch.store.EventDoc;
import io.chipwatch.store.FigureDoc;
import io.chipwatch.store.SearchHits;
import io.chipwatch.store.SearchQuery;
import io.chipwatch.web.Exports;
import io.chipwatch.web.Snippets;
import io.chipwatch.web.Table;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prints search hits as {@code json} (one record per line; an article with a {@code snippet}
 * instead of its body), {@code csv} (the API's export columns) or a {@code table} for a terminal
 * (the main columns, long cells cut, Chinese counted as two columns wide).
 */
final class HitPrinter {

    enum Format { table, json, csv }

    /** The columns a table shows, of the export's columns. */
    private static final Map<SearchQuery.Kind, List<String>> TABLE_COLUMNS = Map.of(
            SearchQuery.Kind.ARTICLES, List.of("published", "source", "title", "snippet"),
            SearchQuery.Kind.FIGURES, List.of("published", "subject", "metric", "value", "unit", "period", "product", "title"),
            SearchQuery.Kind.EVENTS, List.of("published", "type", "org", "product", "date", "title"),
            SearchQuery.Kind.ALERTS, List.of("created", "kind", "rule", "headline"));
    private static final int MAX_CELL = 48;

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** Table on a terminal, JSON when piped or redirected. */
    static Format defaultFormat() {
        return System.console() != null ? Format.table : Format.json;
    }

    void print(PrintWriter out, SearchQuery.Kind kind, SearchHits<?> hits, List<String> terms, Format format) {
        if (format == Format.json) {
            for (Object hit : hits.hits()) {
                out.println(write(hit instanceof ArticleDoc a ? withSnippet(a, terms) : hit));
            }
            return;
        }
        Table table = table(kind, hits.hits(), terms);
        if (format == Format.csv) {
            out.print(table.csv());
        } else {
            printTable(out, table, TABLE_COLUMNS.get(kind));
        }
    }

    @SuppressWarnings("unchecked")
    private static Table table(SearchQuery.Kind kind, List<?> hits, List<String> terms) {
        return switch (kind) {
            case ARTICLES -> Exports.articles((List<ArticleDoc>) hits, terms);
            case FIGURES -> Exports.figures((List<FigureDoc>) hits);
            case EVENTS -> Exports.events((List<EventDoc>) hits);
            case ALERTS -> Exports.alerts((List<AlertDoc>) hits);
        };
    }

    private ObjectNode withSnippet(ArticleDoc a, List<String> terms) {
        ObjectNode node = json.valueToTree(a);
        node.remove("body");
        node.put("snippet", Snippets.plainSnippet(a.body(), terms));
        return node;
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot print a hit", e);
        }
    }

    private static void printTable(PrintWriter out, Table table, List<String> columns) {
        List<Integer> index = columns.stream().map(c -> table.columns().indexOf(c)).toList();
        List<List<String>> rows = new ArrayList<>();
        rows.add(columns);
        for (List<Object> row : table.rows()) {
            List<String> cells = new ArrayList<>();
            for (int i : index) {
                Object cell = row.get(i);
                String s = cell == null ? "" : cell.toString().replaceAll("\\s+", " ");
                if (columns.get(cells.size()).equals("published") || columns.get(cells.size()).equals("created")) {
                    s = s.length() >= 16 ? s.substring(0, 16).replace('T', ' ') : s;
                }
                cells.add(cut(s));
            }
            rows.add(cells);
        }
        int[] widths = new int[columns.size()];
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], width(row.get(c)));
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                String cell = row.get(c);
                line.append(cell);
                if (c < row.size() - 1) {
                    line.append(" ".repeat(widths[c] - width(cell) + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String cut(String s) {
        StringBuilder out = new StringBuilder();
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int cw = wide(cp) ? 2 : 1;
            if (w + cw > MAX_CELL - 1 && i + Character.charCount(cp) < s.length()) {
                return out.append('…').toString();
            }
            out.appendCodePoint(cp);
            w += cw;
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /** Columns a string takes on a terminal: CJK and full-width characters take two. */
    static int width(String s) {
        return s.codePoints().map(cp -> wide(cp) ? 2 : 1).sum();
    }

    private static boolean wide(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6);
    }
}
