package io.chipwatch.time;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimeWordsTest {

    private static String shipped() throws IOException {
        try (InputStream in = TimeWords.class.getClassLoader().getResourceAsStream(TimeWords.DEFAULT_RESOURCE)) {
            assertThat(in).as("time words on the classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static TimeWords read(String yaml) throws IOException {
        return TimeWords.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theShippedWordsLoad() throws IOException {
        TimeWords words = TimeWords.defaults();
        assertThat(words.weekdayNames()).containsEntry("日", 7).containsEntry("一", 1);
        assertThat(words.yearWords()).anySatisfy(w -> assertThat(w.words()).contains("去年"));
    }

    @Test
    void anUnknownKeyIsRejectedNamingIt() throws IOException {
        String yaml = shipped() + "\nweekday_nmes: {一: 1}\n";
        assertThatThrownBy(() -> read(yaml)).hasMessageContaining("weekday_nmes");
    }

    @Test
    void aMissingTableIsRejected() throws IOException {
        String yaml = shipped().replaceAll("(?m)^future_markers:.*$", "");
        assertThatThrownBy(() -> read(yaml)).hasMessageContaining("future_markers");
    }

    @Test
    void aWeekdayOutsideMondayToSundayIsRejected() throws IOException {
        String yaml = shipped().replace("日: 7, 天: 7}", "日: 8, 天: 7}");
        assertThatThrownBy(() -> read(yaml)).hasMessageContaining("weekday_names");
    }

    @Test
    void aBlankWordIsRejectedSinceItWouldMatchEverywhere() throws IOException {
        String yaml = shipped().replace("week_names: [周, 週, 星期, 礼拜, 禮拜]", "week_names: [周, \"\"]");
        assertThatThrownBy(() -> read(yaml)).hasMessageContaining("week_names");
    }

    @Test
    void aWordAddedToTheTableIsResolvedWithoutACodeChange() throws IOException {
        String yaml = shipped().replace("- {words: [大前天], shift: -3", "- {words: [大前天, 大大前天], shift: -3")
                .replace("- {words: [大后天, 大後天], shift: 3", "- {words: [大后天, 大後天], shift: 3")
                .replace("day_words:\n", "day_words:\n  - {words: [大大后天], shift: 4, base: publication, not_after: \"\"}\n");
        PeriodResolver resolver = new PeriodResolver(read(yaml));
        assertThat(resolver.findAll("大大后天开售", new PeriodContext(LocalDate.of(2025, 10, 25))))
                .extracting(Period::label).containsExactly("2025-10-29");
    }
}
