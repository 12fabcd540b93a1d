package io.chipwatch.time;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Regex fragments built from the {@link TimeWords} tables. Every fragment is a plain alternation of
 * literals (longest first, so the engine commits to 上个月 before 上月), optionally with a bounded
 * look-around: nothing here can backtrack more than a word's length.
 */
final class TimeWordPatterns {

    private TimeWordPatterns() {
    }

    /** {@code (?:w1|w2|…)}, longest word first. */
    static String anyOf(Collection<String> words) {
        return "(?:" + sorted(words).stream().map(TimeWordPatterns::literal).collect(Collectors.joining("|")) + ")";
    }

    /** A negative look-ahead for any of the words, or the empty string when there are none. */
    static String notFollowedBy(Collection<String> words) {
        return words.isEmpty() ? "" : "(?!" + anyOf(words) + ")";
    }

    /** A negative look-behind for any of the words, or the empty string when there are none. */
    static String notAfter(Collection<String> words) {
        return words.isEmpty() ? "" : "(?<!" + anyOf(words) + ")";
    }

    /**
     * The words of the entries as one named group, each word followed by a look-behind that
     * rejects it when one of its entry's {@code not_after} characters stands before it (至今年).
     * The look-behind comes after the word so the engine tries the cheap literal first.
     */
    static String relativeWords(List<TimeWords.Relative> entries, String group) {
        List<String[]> words = entries.stream()
                .flatMap(e -> e.words().stream().map(w -> new String[]{w, e.notAfter()}))
                .sorted(Comparator.comparingInt((String[] w) -> -w[0].length()))
                .toList();
        StringBuilder sb = new StringBuilder("(?<").append(group).append(">");
        for (int i = 0; i < words.size(); i++) {
            String word = literal(words.get(i)[0]);
            String notAfter = words.get(i)[1];
            sb.append(i == 0 ? "" : "|").append(word);
            if (!notAfter.isEmpty()) {
                sb.append("(?<![").append(charClass(notAfter)).append("]").append(word).append(")");
            }
        }
        return sb.append(")").toString();
    }

    /** Every character of the words, for a rule's anchor set. */
    static String chars(Collection<String> words) {
        return words.stream().flatMapToInt(String::chars).distinct()
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    private static List<String> sorted(Collection<String> words) {
        return words.stream().distinct().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    private static String literal(String word) {
        StringBuilder sb = new StringBuilder(word.length());
        for (char c : word.toCharArray()) {
            if ("\\^$.|?*+()[]{}-".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static String charClass(String chars) {
        StringBuilder sb = new StringBuilder(chars.length());
        for (char c : chars.toCharArray()) {
            if ("\\^[]-&".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
