package io.chipwatch.time;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * The time words of {@code chipwatch/time-words.yml} in the models module: relative years, months,
 * days and weeks, weekday names, and the guards that keep look-alike words (周期, 12号线, 成立24年)
 * from being read as times. Immutable; load once and share.
 */
public record TimeWords(
        @JsonProperty("year_words") List<Relative> yearWords,
        @JsonProperty("year_word_not_followed_by") List<String> yearWordNotFollowedBy,
        @JsonProperty("month_words") List<Relative> monthWords,
        @JsonProperty("quarter_words") Map<String, Integer> quarterWords,
        @JsonProperty("day_words") List<Relative> dayWords,
        @JsonProperty("day_word_not_followed_by") List<String> dayWordNotFollowedBy,
        @JsonProperty("week_shifts") Map<String, Integer> weekShifts,
        @JsonProperty("week_names") List<String> weekNames,
        @JsonProperty("weekday_names") Map<String, Integer> weekdayNames,
        @JsonProperty("weekend_names") List<String> weekendNames,
        @JsonProperty("weekday_not_after") List<String> weekdayNotAfter,
        @JsonProperty("not_weekdays") List<String> notWeekdays,
        @JsonProperty("weekday_not_followed_by") List<String> weekdayNotFollowedBy,
        @JsonProperty("week_not_followed_by") List<String> weekNotFollowedBy,
        @JsonProperty("future_markers") List<String> futureMarkers,
        @JsonProperty("previous_month_after_days") int previousMonthAfterDays,
        @JsonProperty("day_not_after") List<String> dayNotAfter,
        @JsonProperty("day_not_followed_by") List<String> dayNotFollowedBy,
        @JsonProperty("number_sign_followed_by") List<String> numberSignFollowedBy,
        @JsonProperty("two_digit_year_future_window") int twoDigitYearFutureWindow,
        @JsonProperty("two_digit_year_after") List<String> twoDigitYearAfter,
        @JsonProperty("two_digit_year_before") List<String> twoDigitYearBefore,
        @JsonProperty("two_digit_year_not_after") List<String> twoDigitYearNotAfter,
        @JsonProperty("two_digit_year_not_followed_by") List<String> twoDigitYearNotFollowedBy,
        @JsonProperty("century_words") Map<String, Integer> centuryWords,
        @JsonProperty("century_not_followed_by") List<String> centuryNotFollowedBy,
        @JsonProperty("century_parts") Map<String, List<Integer>> centuryParts,
        @JsonProperty("decade_parts") List<String> decadeParts,
        @JsonProperty("month_parts") Map<String, List<Integer>> monthParts,
        @JsonProperty("count_units") Map<String, Unit> countUnits,
        @JsonProperty("count_not_after") List<String> countNotAfter,
        @JsonProperty("count_not_followed_by") List<String> countNotFollowedBy,
        @JsonProperty("count_directions") Map<String, Integer> countDirections,
        @JsonProperty("past_span_words") List<String> pastSpanWords,
        @JsonProperty("future_span_words") List<String> futureSpanWords) {

    public static final String DEFAULT_RESOURCE = "chipwatch/time-words.yml";

    /** What a relative word counts from. */
    public enum Base {
        /** The publication date. */
        @JsonProperty("publication") PUBLICATION,
        /** The year, month or day the article last named, else the publication date. */
        @JsonProperty("context") CONTEXT
    }

    /** The unit of a count of time (三年后, 5个月前). */
    public enum Unit {
        @JsonProperty("year") YEAR,
        @JsonProperty("month") MONTH,
        @JsonProperty("week") WEEK,
        @JsonProperty("day") DAY
    }

    /**
     * Words that name one relative year, month or day.
     *
     * @param notAfter characters that, just before the word, make it part of another word
     */
    public record Relative(List<String> words, int shift, Base base, @JsonProperty("not_after") String notAfter) {
        public Relative {
            if (words == null || words.isEmpty() || base == null) {
                throw new IllegalArgumentException("a relative time word entry needs words and a base, got " + words);
            }
            words = List.copyOf(words);
            if (words.stream().anyMatch(String::isBlank)) {
                throw new IllegalArgumentException("a relative time word is blank in " + words);
            }
            notAfter = notAfter == null ? "" : notAfter;
        }
    }

    public TimeWords {
        yearWords = List.copyOf(yearWords);
        yearWordNotFollowedBy = List.copyOf(yearWordNotFollowedBy);
        monthWords = List.copyOf(monthWords);
        quarterWords = Map.copyOf(quarterWords);
        dayWords = List.copyOf(dayWords);
        dayWordNotFollowedBy = List.copyOf(dayWordNotFollowedBy);
        weekShifts = Map.copyOf(weekShifts);
        weekNames = List.copyOf(weekNames);
        weekdayNames = Map.copyOf(weekdayNames);
        weekendNames = List.copyOf(weekendNames);
        weekdayNotAfter = List.copyOf(weekdayNotAfter);
        notWeekdays = List.copyOf(notWeekdays);
        weekdayNotFollowedBy = List.copyOf(weekdayNotFollowedBy);
        weekNotFollowedBy = List.copyOf(weekNotFollowedBy);
        futureMarkers = List.copyOf(futureMarkers);
        dayNotAfter = List.copyOf(dayNotAfter);
        dayNotFollowedBy = List.copyOf(dayNotFollowedBy);
        numberSignFollowedBy = List.copyOf(numberSignFollowedBy);
        twoDigitYearAfter = List.copyOf(twoDigitYearAfter);
        twoDigitYearBefore = List.copyOf(twoDigitYearBefore);
        twoDigitYearNotAfter = List.copyOf(twoDigitYearNotAfter);
        twoDigitYearNotFollowedBy = List.copyOf(twoDigitYearNotFollowedBy);
        centuryWords = Map.copyOf(centuryWords);
        centuryNotFollowedBy = List.copyOf(centuryNotFollowedBy);
        centuryParts = Map.copyOf(centuryParts);
        decadeParts = List.copyOf(decadeParts);
        monthParts = Map.copyOf(monthParts);
        countUnits = Map.copyOf(countUnits);
        countNotAfter = List.copyOf(countNotAfter);
        countNotFollowedBy = List.copyOf(countNotFollowedBy);
        countDirections = Map.copyOf(countDirections);
        pastSpanWords = List.copyOf(pastSpanWords);
        futureSpanWords = List.copyOf(futureSpanWords);
        weekdayNames.forEach((name, day) -> {
            if (day < 1 || day > 7) {
                throw new IllegalArgumentException("weekday_names." + name + ": " + day + " is not 1 (Monday)..7 (Sunday)");
            }
        });
        centuryParts.forEach((name, part) -> requirePair("century_parts." + name, part));
        // A blank word would match everywhere and make every position a time.
        requireWords("week_names", weekNames);
        requireWords("weekend_names", weekendNames);
        requireWords("future_markers", futureMarkers);
        requireWords("week_shifts", weekShifts.keySet());
        requireWords("weekday_names", weekdayNames.keySet());
        requireWords("quarter_words", quarterWords.keySet());
        requireWords("century_words", centuryWords.keySet());
        requireWords("count_units", countUnits.keySet());
        requireWords("count_directions", countDirections.keySet());
        requireWords("past_span_words", pastSpanWords);
        requireWords("future_span_words", futureSpanWords);
        monthParts.forEach((name, part) -> requirePair("month_parts." + name, part));
    }

    private static void requireWords(String key, java.util.Collection<String> words) {
        if (words.isEmpty() || words.stream().anyMatch(w -> w == null || w.isBlank())) {
            throw new IllegalArgumentException(key + ": needs at least one word and no blank one, got " + words);
        }
    }

    private static void requirePair(String key, List<Integer> pair) {
        if (pair == null || pair.size() != 2) {
            throw new IllegalArgumentException(key + ": expected [first, second], got " + pair);
        }
    }

    /** The time words shipped in the models module. */
    public static TimeWords defaults() throws IOException {
        try (InputStream in = TimeWords.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IOException("classpath resource " + DEFAULT_RESOURCE + " is missing (is chipwatch-models on the classpath?)");
            }
            return read(in);
        }
    }

    /** Reads time words from YAML, rejecting unknown keys and missing tables. */
    public static TimeWords read(InputStream yaml) throws IOException {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);
        return mapper.readValue(yaml, TimeWords.class);
    }
}
