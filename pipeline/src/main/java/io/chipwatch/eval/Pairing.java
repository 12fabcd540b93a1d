package io.chipwatch.eval;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Pairs gold documents with records as the scorers do: by {@code id} (the last record with an
 * id wins), and, where there is one gold document and one record, regardless of id.
 */
public final class Pairing {

    private Pairing() {
    }

    /** The record paired with each gold document, in gold order; null where none is. */
    public static List<JsonNode> pair(List<JsonNode> gold, List<JsonNode> records) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode g : gold) {
            JsonNode id = Py.get(g, "id");
            JsonNode hit = null;
            for (JsonNode r : records) {
                if (Py.eq(Py.get(r, "id"), id)) {
                    hit = r;
                }
            }
            if (hit == null && gold.size() == 1 && records.size() == 1) {
                hit = records.get(0);
            }
            out.add(hit);
        }
        return out;
    }
}
