package io.chipwatch.crawl;

import com.hankcs.hanlp.HanLP;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps on-topic articles: true when the text holds one of the keywords. Matching ignores Latin
 * case and the Chinese script (半導體 on a Taiwan site matches the keyword 半导体), because sources
 * in Taiwan and Hong Kong write Traditional Chinese while the keyword lists are written once.
 * Regional words that differ (晶片 for 芯片) still have to be listed.
 */
public final class KeywordFilter {

    private final List<String> keywords;

    public KeywordFilter(List<String> keywords) {
        this.keywords = keywords.stream().map(KeywordFilter::fold).filter(k -> !k.isEmpty()).distinct().toList();
    }

    public boolean acceptsAll() {
        return keywords.isEmpty();
    }

    /** The first keyword the text holds; empty when none does (and when the filter accepts all). */
    public Optional<String> match(String text) {
        if (text == null || keywords.isEmpty()) {
            return Optional.empty();
        }
        String folded = fold(text);
        return keywords.stream().filter(folded::contains).findFirst();
    }

    public boolean accepts(String text) {
        return acceptsAll() || match(text).isPresent();
    }

    private static String fold(String text) {
        return HanLP.convertToSimplifiedChinese(text.strip()).toLowerCase(Locale.ROOT);
    }
}
