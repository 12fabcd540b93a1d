package io.chipwatch.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads gold documents and evaluation records the way the python scorers do: a gold path is a
 * JSON file, or a folder whose {@code *.gold.json} files are read in name order; a prediction
 * file holds one JSON record per non-blank line. JSON is parsed like Python's {@code json}
 * (NaN and Infinity accepted, trailing content rejected).
 */
public final class GoldLoader {

    private static final String GOLD_SUFFIX = ".gold.json";

    private final JsonMapper json = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** The gold documents of the given files and folders, in order. */
    public List<JsonNode> gold(List<Path> paths) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                List<Path> files;
                try (Stream<Path> s = Files.list(p)) {
                    files = s.filter(f -> f.getFileName().toString().endsWith(GOLD_SUFFIX))
                            .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
                            .toList();
                }
                for (Path f : files) {
                    docs.add(object(Files.readString(f, StandardCharsets.UTF_8), f.toString()));
                }
            } else {
                docs.add(object(Files.readString(p, StandardCharsets.UTF_8), p.toString()));
            }
        }
        return docs;
    }

    /** The records of a JSONL file, one per non-blank line. */
    public List<JsonNode> records(Path jsonl) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            int n = 0;
            for (String line; (line = r.readLine()) != null; ) {
                n++;
                line = Py.strip(line);
                if (!line.isEmpty()) {
                    out.add(object(line, jsonl + ":" + n));
                }
            }
        }
        return out;
    }

    /** Parses one JSON object; {@code where} names it in the error. */
    public JsonNode object(String text, String where) throws IOException {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IOException(where + ": not JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new IOException(where + ": not a JSON object");
        }
        return node;
    }
}
