package io.chipwatch.time;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the resolver over the hand-written news sentences of {@code time/period-cases.tsv}, case by
 * case and as per-class accuracy (printed, so README's table can be refreshed from the test log).
 */
class PeriodCasesTest {

    private static final PeriodCases CASES = PeriodCases.load();

    /** Accuracy each class must reach; the issue's goals are 0.85 for periods and 0.80 for weekdays. */
    private static final Map<String, Double> FLOORS = Map.of("weekday", 0.80);
    private static final double DEFAULT_FLOOR = 0.85;

    private final PeriodResolver resolver = new PeriodResolver();

    static Stream<PeriodCases.Case> cases() {
        return CASES.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void resolvesTheCase(PeriodCases.Case c) {
        assertThat(c.labels(resolver)).as("line %d: %s", c.line(), c.sentence()).containsExactlyElementsOf(c.expected());
    }

    @Test
    void everyClassReachesItsAccuracyFloor() {
        Map<String, int[]> perClass = new LinkedHashMap<>();
        for (PeriodCases.Case c : CASES.all()) {
            int[] n = perClass.computeIfAbsent(c.kind(), k -> new int[2]);
            n[1]++;
            if (c.holdsFor(resolver)) {
                n[0]++;
            }
        }
        StringBuilder table = new StringBuilder("| class | cases | accuracy |\n|---|---:|---:|\n");
        int right = 0;
        int total = 0;
        for (Map.Entry<String, int[]> e : perClass.entrySet()) {
            int[] n = e.getValue();
            right += n[0];
            total += n[1];
            table.append(String.format("| %s | %d | %.2f |%n", e.getKey(), n[1], (double) n[0] / n[1]));
        }
        table.append(String.format("| all | %d | %.2f |%n", total, (double) right / total));
        System.out.println(table);

        assertThat(perClass).isNotEmpty();
        for (Map.Entry<String, int[]> e : perClass.entrySet()) {
            double accuracy = (double) e.getValue()[0] / e.getValue()[1];
            assertThat(accuracy).as("accuracy of class %s", e.getKey())
                    .isGreaterThanOrEqualTo(FLOORS.getOrDefault(e.getKey(), DEFAULT_FLOOR));
        }
    }

    @Test
    void theCaseFileCoversEveryClassTheIssueNames() {
        List<String> kinds = CASES.all().stream().map(PeriodCases.Case::kind).distinct().toList();
        assertThat(kinds).contains("absolute", "quarter", "relative_year_month", "weekday", "day_of_month",
                "two_digit_year", "week", "decade", "relative_n", "day_word", "negative");
        assertThat(CASES.all()).hasSizeGreaterThanOrEqualTo(300);
    }
}
