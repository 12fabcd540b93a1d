package io.chipwatch.time;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The hand-written time cases of {@code time/period-cases.tsv}: one news sentence each, with its labels. */
record PeriodCases(List<Case> all) {

    static final String RESOURCE = "/time/period-cases.tsv";

    /**
     * One case. {@code expected} is empty when the sentence must yield no period.
     */
    record Case(String kind, LocalDate published, String sentence, List<String> expected, int line) {

        /** Whether the resolver gives exactly the expected labels, in text order. */
        boolean holdsFor(PeriodResolver resolver) {
            return labels(resolver).equals(expected);
        }

        List<String> labels(PeriodResolver resolver) {
            return resolver.findAll(sentence, new PeriodContext(published)).stream().map(Period::label).toList();
        }

        @Override
        public String toString() {
            return kind + " " + published + " " + sentence + " -> " + (expected.isEmpty() ? "-" : String.join(";", expected));
        }
    }

    static PeriodCases load() {
        try (InputStream in = PeriodCases.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + RESOURCE + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Case> cases = new ArrayList<>();
            String row;
            int line = 0;
            while ((row = reader.readLine()) != null) {
                line++;
                if (row.isBlank() || row.startsWith("#")) {
                    continue;
                }
                String[] cols = row.split("\t");
                if (cols.length != 4) {
                    throw new IllegalStateException(RESOURCE + ":" + line + ": expected 4 tab-separated columns, got " + cols.length);
                }
                List<String> expected = cols[3].equals("-") ? List.of() : Arrays.stream(cols[3].split(";")).map(String::strip).toList();
                cases.add(new Case(cols[0], LocalDate.parse(cols[1]), cols[2], expected, line));
            }
            return new PeriodCases(List.copyOf(cases));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
