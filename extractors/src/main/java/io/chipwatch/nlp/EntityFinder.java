package io.chipwatch.nlp;

import io.chipwatch.model.Mention;
import io.chipwatch.model.Sentence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the entity mentions of an article: gazetteer aliases in any script, products the
 * gazetteer does not know yet (a known family or vendor followed by a model code), and the
 * people and organisations HanLP recognises, filtered so that fragments are not reported.
 * Thread-safe.
 */
public final class EntityFinder {

    private final EntityDictionary dictionary;
    private final ModelCodeFinder modelCodes;
    private final NameRecognizer names;
    private final ShapeMentions shapes;

    public EntityFinder(EntityDictionary dictionary, ChineseSegmenter segmenter) {
        this(dictionary, segmenter, NameRecognizer.loadSurnames());
    }

    EntityFinder(EntityDictionary dictionary, ChineseSegmenter segmenter, Set<String> surnames) {
        this.dictionary = dictionary;
        this.modelCodes = new ModelCodeFinder(dictionary.gazetteer());
        this.names = new NameRecognizer(segmenter, surnames);
        this.shapes = new ShapeMentions(dictionary.gazetteer(), surnames);
    }

    /**
     * Every mention in the body, in text order, none overlapping. Full-width letters, digits and
     * marks (Ｎｖｉｄｉａ, ９１０Ｃ) are read as their ASCII forms, so names take the ASCII form
     * while each mention keeps the surface as written and its offsets in the body.
     */
    public List<Mention> find(String body, List<Sentence> sentences) {
        String text = halfWidth(body);
        if (text.equals(body)) {
            return findAscii(body, sentences);
        }
        List<Sentence> folded = sentences.stream()
                .map(s -> new Sentence(text.substring(s.start(), s.end()), s.start(), s.end(), s.lang()))
                .toList();
        return findAscii(text, folded).stream()
                .map(m -> new Mention(m.type(), m.name(), body.substring(m.start(), m.end()), m.start(), m.end()))
                .toList();
    }

    /**
     * The text with full-width Latin letters, digits and the marks names and model codes use
     * folded to ASCII, char for char; Chinese punctuation (，。：；！？) stays as it is.
     */
    static String halfWidth(String text) {
        char[] a = text.toCharArray();
        boolean changed = false;
        for (int i = 0; i < a.length; i++) {
            char c = a[i];
            if (c >= '０' && c <= '９' || c >= 'Ａ' && c <= 'Ｚ' || c >= 'ａ' && c <= 'ｚ' || "％．－／＋＆＇＿＃＠".indexOf(c) >= 0) {
                a[i] = (char) (c - 0xFEE0);
                changed = true;
            } else if (c == '\u3000') {
                a[i] = ' ';
                changed = true;
            }
        }
        return changed ? new String(a) : text;
    }

    private List<Mention> findAscii(String body, List<Sentence> sentences) {
        List<Candidate> known = dictionaryMentions(body);
        List<Mention> mentions = new ArrayList<>(resolveAmbiguity(body, known, sentences));
        mentions.addAll(nestedPeople(body, mentions));
        mentions.sort(Comparator.comparingInt(Mention::start));
        mentions = new ArrayList<>(modelCodes.extend(body, mentions));
        mentions.addAll(vendorsOfProducts(mentions));
        // a maker inside a product's name comes before the product, as it is read
        mentions.sort(Comparator.comparingInt(Mention::start).thenComparingInt(Mention::end));
        mentions = withShapes(mentions, shapes.find(body));
        List<Mention> all = new ArrayList<>(mentions);
        for (Sentence s : sentences) {
            all.addAll(names.recognize(s, covered(mentions, s)));
        }
        all.sort(Comparator.comparingInt(Mention::start));
        return all;
    }

    /**
     * The shaped names (reporters, governments, registered companies) added to the dictionary's
     * mentions: a shaped name that holds dictionary mentions replaces them (日本政府 over 日本), one
     * that a dictionary mention holds or crosses is dropped.
     */
    private static List<Mention> withShapes(List<Mention> mentions, List<Mention> shaped) {
        List<Mention> out = new ArrayList<>(mentions);
        for (Mention s : shaped) {
            boolean blocked = false;
            for (Mention m : out) {
                boolean overlaps = m.start() < s.end() && s.start() < m.end();
                boolean inside = m.start() >= s.start() && m.end() <= s.end();
                if (overlaps && !inside) {
                    blocked = true;
                    break;
                }
            }
            if (!blocked) {
                out.removeIf(m -> m.start() >= s.start() && m.end() <= s.end());
                out.add(s);
            }
        }
        out.sort(Comparator.comparingInt(Mention::start));
        return out;
    }

    /**
     * A product named with its maker in front (华为昇腾910B, 寒武纪思元590) mentions the maker too,
     * over the maker's part of the name.
     */
    private List<Mention> vendorsOfProducts(List<Mention> mentions) {
        List<Mention> out = new ArrayList<>();
        for (Mention product : mentions) {
            if (!"PRODUCT".equals(product.type())) {
                continue;
            }
            for (EntityDictionary.Hit hit : dictionary.scan(product.surface())) {
                if (hit.start() != 0 || hit.end() >= product.surface().length() || hit.targets().size() != 1) {
                    continue;
                }
                AliasTarget t = hit.targets().get(0);
                if ("ORG".equals(t.entry().type()) && !t.ambiguous()) {
                    out.add(new Mention("ORG", t.entry().name(), product.surface().substring(0, hit.end()),
                            product.start(), product.start() + hit.end()));
                }
            }
        }
        return out;
    }

    /** A person named inside an organisation's name is mentioned too: 拜登 in 美国拜登政府. */
    private List<Mention> nestedPeople(String body, List<Mention> mentions) {
        List<Mention> out = new ArrayList<>();
        for (Mention org : mentions) {
            if (!"ORG".equals(org.type()) || org.end() - org.start() < 4) {
                continue;
            }
            for (EntityDictionary.Hit hit : dictionary.scan(org.surface())) {
                for (AliasTarget t : hit.targets()) {
                    if ("PERSON".equals(t.entry().type()) && !t.ambiguous()) {
                        out.add(new Mention("PERSON", t.entry().name(), org.surface().substring(hit.start(), hit.end()),
                                org.start() + hit.start(), org.start() + hit.end()));
                    }
                }
            }
        }
        return out;
    }

    private record Candidate(int start, int end, List<AliasTarget> targets) {
        int length() {
            return end - start;
        }
    }

    private List<Candidate> dictionaryMentions(String body) {
        List<Candidate> hits = new ArrayList<>();
        for (EntityDictionary.Hit hit : dictionary.scan(body)) {
            if (!atWordBoundary(body, hit.start(), hit.end())) {
                continue;
            }
            List<AliasTarget> targets = hit.targets().stream()
                    .filter(t -> !t.caseExact() || body.regionMatches(hit.start(), t.alias(), 0, t.alias().length()))
                    .toList();
            if (!targets.isEmpty()) {
                hits.add(new Candidate(hit.start(), hit.end(), targets));
            }
        }
        // longest match first among those starting left-most: 华为昇腾 beats 华为, HBM4 beats HBM
        hits.sort(Comparator.comparingInt(Candidate::start).thenComparing(Comparator.comparingInt(Candidate::length).reversed()));
        List<Candidate> chosen = new ArrayList<>();
        int reach = 0;
        for (Candidate c : hits) {
            if (c.start() >= reach) {
                chosen.add(c);
                reach = c.end();
            } else if (!chosen.isEmpty() && c.end() > reach && c.length() > chosen.get(chosen.size() - 1).length()) {
                // a longer alias starting inside the previous one wins (华为海思 after 华为)
                Candidate prev = chosen.get(chosen.size() - 1);
                if (c.start() < prev.end() && c.length() > prev.length() + 1) {
                    // what of the previous alias stands before the longer one is kept (华为 of 华为昇腾910B)
                    Candidate head = hits.stream()
                            .filter(h -> h.start() == prev.start() && h.end() <= c.start())
                            .max(Comparator.comparingInt(Candidate::length)).orElse(null);
                    if (head != null) {
                        chosen.set(chosen.size() - 1, head);
                        chosen.add(c);
                    } else {
                        chosen.set(chosen.size() - 1, c);
                    }
                    reach = c.end();
                }
            }
        }
        return chosen;
    }

    /**
     * An ambiguous alias counts only when something corroborates it: the article also names
     * the entity unambiguously, its sentence names another organisation or product, or it is
     * used the way sources are (IDC认为, 据晨星, 甲骨文公司). Where one alias names several
     * entries, the corroborated one wins.
     */
    private static List<Mention> resolveAmbiguity(String body, List<Candidate> candidates, List<Sentence> sentences) {
        Set<GazetteerEntry> corroborated = new HashSet<>();
        for (Candidate c : candidates) {
            if (c.targets().size() == 1 && !c.targets().get(0).ambiguous()) {
                corroborated.add(c.targets().get(0).entry());
            }
        }
        List<Mention> mentions = new ArrayList<>();
        for (Candidate c : candidates) {
            if (c.targets().stream().allMatch(AliasTarget::ambiguous) && straddlesWords(body, c)) {
                continue;
            }
            AliasTarget pick = null;
            for (AliasTarget t : c.targets()) {
                if (corroborated.contains(t.entry())) {
                    pick = t;
                    break;
                }
                if (pick == null && c.targets().size() == 1
                        && (!t.ambiguous() || usedAsName(body, c) || sharesSentence(c, candidates, sentences))) {
                    pick = t;
                }
            }
            if (pick != null) {
                GazetteerEntry e = pick.entry();
                mentions.add(new Mention(e.type(), e.name(), body.substring(c.start(), c.end()), c.start(), c.end()));
            }
        }
        return mentions;
    }

    /**
     * 运算能力 holds 算能 across two words (运算, 能力): an ambiguous Chinese alias whose first
     * character ends a word begun before it, or whose last character begins a word after it, is
     * part of other words, not a name.
     */
    private static boolean straddlesWords(String body, Candidate c) {
        char first = body.charAt(c.start());
        char last = body.charAt(c.end() - 1);
        if (!isHan(first) || !isHan(last)) {
            return false;
        }
        boolean before = c.start() > 0 && isHan(body.charAt(c.start() - 1))
                && com.hankcs.hanlp.dictionary.CoreDictionary.contains("" + body.charAt(c.start() - 1) + first);
        boolean after = c.end() < body.length() && isHan(body.charAt(c.end()))
                && com.hankcs.hanlp.dictionary.CoreDictionary.contains("" + last + body.charAt(c.end()));
        return before && after;
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private static final Pattern NAME_AFTER = Pattern.compile(
            "^\\s?(?:公司|集团|集團|认为|認為|表示|数据|數據|报告|報告|预测|預測|预计|預計|分析师|分析師|称|稱|指出|显示|顯示|发布|發布|宣布|与|與|和|的)");
    private static final Pattern NAME_BEFORE = Pattern.compile("(?:据|據|根据|根據|与|與|和|、)\\s?$");

    private static boolean usedAsName(String body, Candidate c) {
        String after = body.substring(c.end(), Math.min(body.length(), c.end() + 4));
        String before = body.substring(Math.max(0, c.start() - 3), c.start());
        return NAME_AFTER.matcher(after).find() || NAME_BEFORE.matcher(before).find();
    }

    private static boolean sharesSentence(Candidate c, List<Candidate> candidates, List<Sentence> sentences) {
        for (Sentence s : sentences) {
            if (c.start() >= s.start() && c.start() < s.end()) {
                for (Candidate other : candidates) {
                    if (other != c && other.start() >= s.start() && other.end() <= s.end() && other.targets().size() == 1
                            && !other.targets().get(0).ambiguous()
                            && Set.of("ORG", "PRODUCT").contains(other.targets().get(0).entry().type())) {
                        return true;
                    }
                }
                return false;
            }
        }
        return false;
    }

    private static List<Mention> covered(List<Mention> mentions, Sentence s) {
        return mentions.stream().filter(m -> m.start() < s.end() && m.end() > s.start()).toList();
    }

    /** Latin and digit aliases must not start or end inside a longer Latin word or number. */
    static boolean atWordBoundary(String text, int start, int end) {
        char first = text.charAt(start);
        char last = text.charAt(end - 1);
        if (isWordChar(first) && start > 0 && isWordChar(text.charAt(start - 1))) {
            return false;
        }
        return !(isWordChar(last) && end < text.length() && isWordChar(text.charAt(end)));
    }

    static boolean isWordChar(char c) {
        return c < 0x80 ? Character.isLetterOrDigit(c) : c >= 'Ａ' && c <= 'ｚ' || c >= '０' && c <= '９';
    }
}
