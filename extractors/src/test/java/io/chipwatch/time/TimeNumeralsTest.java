package io.chipwatch.time;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class TimeNumeralsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"15, 15", "十五, 15", "二十, 20", "三十一, 31", "两, 2", "一百, 100", "二〇二五, 2025", "二○二五, 2025",
            "二零二四, 2024", "3.5, -1", "abc, -1", "'', -1"})
    void readsWholeNumeralsThroughTheSharedGrammar(String text, int value) {
        assertThat(TimeNumerals.parse(text)).isEqualTo(value);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"三, 3", "十五, 15", "一百, 100", "12, 12", "两三, -1", "三五, -1", "半, -1"})
    void aCountOfDigitsStrungTogetherIsApproximateNotANumber(String text, int value) {
        assertThat(TimeNumerals.count(text)).isEqualTo(value);
    }
}
