package io.chipwatch.nlp;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every alias of the gazetteer in one Aho–Corasick automaton, so one pass over a sentence
 * finds all of them. Keys are folded to lower case character by character (which keeps
 * offsets aligned with the original text), and each Chinese alias is added in simplified,
 * traditional, Taiwan and Hong Kong forms, so 輝達 in a Taiwanese page and 英伟达 in a mainland
 * one reach the same entry while the text itself stays as written. Immutable.
 */
public final class EntityDictionary {

    private final Gazetteer gazetteer;
    private final AhoCorasickDoubleArrayTrie<List<AliasTarget>> automaton = new AhoCorasickDoubleArrayTrie<>();

    public EntityDictionary(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        TreeMap<String, List<AliasTarget>> keys = new TreeMap<>();
        for (GazetteerEntry entry : gazetteer.entries()) {
            Set<String> ambiguous = new LinkedHashSet<>(entry.ambiguous());
            for (String alias : entry.allNames()) {
                for (String variant : scriptVariants(alias.strip())) {
                    boolean caseExact = isShortAbbreviation(variant);
                    List<AliasTarget> targets = keys.computeIfAbsent(fold(variant), k -> new ArrayList<>());
                    if (targets.stream().noneMatch(t -> t.entry() == entry)) {
                        targets.add(new AliasTarget(entry, ambiguous.contains(alias), caseExact, variant));
                    }
                }
            }
        }
        automaton.build(keys);
    }

    public Gazetteer gazetteer() {
        return gazetteer;
    }

    /** A dictionary hit in a folded text. */
    record Hit(int start, int end, List<AliasTarget> targets) {
    }

    /** Every alias occurrence in the text, overlapping ones included. */
    List<Hit> scan(String text) {
        String folded = fold(text);
        List<Hit> hits = new ArrayList<>();
        automaton.parseText(folded, (begin, end, value) -> hits.add(new Hit(begin, end, value)));
        return hits;
    }

    /** Lower-cases char by char so the folded text has the same length as the original. */
    static String fold(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            char c = chars[i];
            if (c >= 'Ａ' && c <= 'Ｚ' || c >= 'ａ' && c <= 'ｚ' || c >= '０' && c <= '９') {
                c = (char) (c - 0xFEE0);
            }
            chars[i] = Character.toLowerCase(c);
        }
        return new String(chars);
    }

    private static Set<String> scriptVariants(String alias) {
        Set<String> variants = new LinkedHashSet<>();
        variants.add(alias);
        if (alias.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
            for (String v : List.of(HanLP.convertToSimplifiedChinese(alias), HanLP.convertToTraditionalChinese(alias),
                    HanLP.s2tw(alias), HanLP.s2hk(alias))) {
                // phrase-level conversion may change the length; such a variant is another word
                if (v.length() == alias.length()) {
                    variants.add(v);
                }
            }
        }
        return variants;
    }

    private static boolean isShortAbbreviation(String alias) {
        return alias.length() <= 3 && alias.chars().allMatch(c -> c >= 'A' && c <= 'Z');
    }
}
