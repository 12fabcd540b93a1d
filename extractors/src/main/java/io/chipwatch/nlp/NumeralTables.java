package io.chipwatch.nlp;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables of {@code chipwatch/numerals.yml}: Chinese digits and magnitudes for
 * {@link Numerals}, currency words and signs for {@link QuantityUnits} and {@link QuantityFinder}.
 * Read once; characters are looked up in arrays, as the finder asks about every character.
 */
final class NumeralTables {

    static final String RESOURCE = "chipwatch/numerals.yml";
    static final BigDecimal TRILLION = new BigDecimal("1E12");

    private record File(
            Map<String, Integer> digits,
            @JsonProperty("small_magnitudes") Map<String, BigDecimal> smallMagnitudes,
            @JsonProperty("big_magnitudes") Map<String, BigDecimal> bigMagnitudes,
            String trillion,
            Map<String, List<String>> currencies,
            @JsonProperty("currency_words") Map<String, List<String>> currencyWords,
            @JsonProperty("currency_prefixes") Map<String, String> currencyPrefixes) {
    }

    private static final NumeralTables STANDARD = load();

    private final byte[] digits = new byte[Character.MAX_VALUE + 1];
    private final BigDecimal[] small = new BigDecimal[Character.MAX_VALUE + 1];
    private final BigDecimal[] big = new BigDecimal[Character.MAX_VALUE + 1];
    private final char trillion;
    private final Map<String, List<String>> currencies;
    private final Map<String, List<String>> currencyWords;
    private final Map<String, String> currencyPrefixes;

    private NumeralTables(File f) {
        Arrays.fill(digits, (byte) -1);
        f.digits().forEach((k, v) -> digits[single(k)] = v.byteValue());
        f.smallMagnitudes().forEach((k, v) -> small[single(k)] = v);
        f.bigMagnitudes().forEach((k, v) -> big[single(k)] = v);
        this.trillion = single(f.trillion());
        this.currencies = Map.copyOf(f.currencies());
        this.currencyWords = Map.copyOf(f.currencyWords());
        this.currencyPrefixes = Map.copyOf(f.currencyPrefixes());
    }

    static NumeralTables standard() {
        return STANDARD;
    }

    private static NumeralTables load() {
        try (InputStream in = NumeralTables.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + RESOURCE + " is missing (is chipwatch-models on the classpath?)");
            }
            ObjectMapper mapper = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            return new NumeralTables(mapper.readValue(in, File.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static char single(String key) {
        if (key == null || key.length() != 1) {
            throw new IllegalStateException(RESOURCE + ": '" + key + "' must be one character");
        }
        return key.charAt(0);
    }

    /** 0-9 for a Chinese digit, else -1. */
    int digit(char c) {
        return digits[c];
    }

    BigDecimal small(char c) {
        return small[c];
    }

    BigDecimal big(char c) {
        return big[c];
    }

    char trillion() {
        return trillion;
    }

    /** ISO code -> Chinese words written after a number. */
    Map<String, List<String>> currencies() {
        return currencies;
    }

    /** ISO code -> English words written after a number. */
    Map<String, List<String>> currencyWords() {
        return currencyWords;
    }

    /** Sign or code written before a number -> ISO code. */
    Map<String, String> currencyPrefixes() {
        return new LinkedHashMap<>(currencyPrefixes);
    }
}
