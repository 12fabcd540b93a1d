package io.chipwatch.web;

import java.util.List;

/** Rows for CSV export: a header and one list of cells per row (null cells are empty). */
public record Table(List<String> columns, List<List<Object>> rows) {

    public Table {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** RFC 4180: a cell with a comma, quote or line break is quoted, quotes doubled; lines end with CRLF. */
    public String csv() {
        StringBuilder out = new StringBuilder();
        line(out, List.copyOf(columns));
        for (List<Object> row : rows) {
            line(out, row);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object cell = cells.get(i);
            String s = cell == null ? "" : cell.toString();
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                out.append('"').append(s.replace("\"", "\"\"")).append('"');
            } else {
                out.append(s);
            }
        }
        out.append("\r\n");
    }
}
