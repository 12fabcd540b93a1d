package io.chipwatch.nlp;

import io.chipwatch.model.Mention;
import io.chipwatch.text.SentenceSplitter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds products the gazetteer does not list yet. New chips keep arriving under known names:
 * a product family followed by a model code (Ascend 950PR, 思元690, 第四代骁龙8s), a vendor
 * followed by one (英伟达B30A, AMD MI450), or a bare code in a sentence about chips (MI450 芯片).
 */
final class ModelCodeFinder {

    /** Digits with optional letters (950PR, 910, 8s) or letters then digits (MI450, B30A). */
    private static final Pattern FAMILY_CODE = Pattern.compile("\\G[ \u00a0]?(\\d{1,4}[A-Za-z]{1,4}(?![A-Za-z])|\\d{2,4}(?![0-9A-Za-z.])|[A-Z]{1,3}\\d{1,4}[A-Za-z]{0,2}(?![A-Za-z0-9]))");
    /** The edition words that are part of a model's name: 骁龙855 Plus, Galaxy S20 Ultra, S20+. */
    private static final Pattern EDITION = Pattern.compile("\\G ?(Plus|Pro|Max|Ultra|Lite|Mini|mini|Air|SE|\\+)(?![A-Za-z])");
    private static final Pattern LETTER_DIGIT_SUFFIX = Pattern.compile("\\d+[A-Za-z]+");
    private static final Pattern VENDOR_CODE = Pattern.compile("\\G[ \u00a0]?([A-Z]{1,3}\\d{1,4}[A-Za-z]{0,2})(?![A-Za-z0-9])");
    private static final Pattern BARE_CODE = Pattern.compile("(?<![A-Za-z0-9\\-_./])([A-Z]{1,3}\\d{2,4}[A-Z]{0,2})(?![A-Za-z0-9])");
    private static final Pattern NOT_A_MODEL = Pattern.compile("(?:Q[1-4]|H[12]|FY\\d+|[A-Z]{1,3}20[0-4]\\d)");
    /** A number followed by these is a quantity or a date, not a model. */
    private static final Pattern UNIT_AFTER = Pattern.compile("^\\s*(?:年|月|日|号|万|亿|千|百|元|%|％|倍|颗|片|张|块|台|个|家|nm|纳米|奈米|GB|TB|MB|W|瓦|岁|名|人|款|代|亿)");
    private static final Pattern GENERATION = Pattern.compile("第[一二三四五六七八九十\\d]{1,3}代$");
    private static final Pattern VERSION = Pattern.compile("(?<![A-Za-z0-9.\\-])[Vv]\\d+(?:\\.\\d+)+(?![0-9])");
    private static final Pattern PROCESS_NODE_HINT = Pattern.compile("nm|NM|Nm|纳米|奈米|納米");
    private static final Pattern PROCESS_NODE = Pattern.compile("(?<![A-Za-z0-9.])(\\d{1,2}(?:\\.\\d)?) ?(?:nm|NM|Nm|纳米|奈米|納米)(?![A-Za-z])");
    private static final Pattern CHIP_CONTEXT = Pattern.compile("芯片|晶片|GPU|NPU|CPU|加速卡|加速器|显卡|顯卡|处理器|處理器|算力卡|服务器|伺服器|chip|accelerator", Pattern.CASE_INSENSITIVE);

    private final Gazetteer gazetteer;

    ModelCodeFinder(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** The mentions, with family mentions widened to their model and vendor codes added. */
    List<Mention> extend(String body, List<Mention> mentions) {
        List<Mention> out = new ArrayList<>(mentions.size() + 8);
        for (Mention m : mentions) {
            if ("PRODUCT".equals(m.type()) && !hasDigit(m.name())) {
                out.add(widenFamily(body, m));
            } else if ("ORG".equals(m.type())) {
                out.add(m);
                vendorCode(body, m).ifPresent(out::add);
            } else {
                out.add(m);
            }
        }
        addBareCodes(body, out);
        if (body.indexOf('V') >= 0 || body.indexOf('v') >= 0) {
            addVersions(body, out);
        }
        if (PROCESS_NODE_HINT.matcher(body).find()) {
            addProcessNodes(body, out);
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    private Mention widenFamily(String body, Mention family) {
        Matcher code = FAMILY_CODE.matcher(body);
        code.region(family.end(), body.length());
        if (!code.lookingAt() || UNIT_AFTER.matcher(body.substring(code.end(), Math.min(body.length(), code.end() + 3))).find()) {
            return withGeneration(body, family);
        }
        String raw = code.group(1);
        if (raw.chars().allMatch(Character::isDigit) && raw.length() < 2) {
            return withGeneration(body, family);
        }
        int end = code.end();
        Matcher edition = EDITION.matcher(body);
        edition.region(end, body.length());
        String suffix = "";
        if (edition.lookingAt()) {
            suffix = edition.group(1).equals("+") ? "+" : " " + edition.group(1);
            end = edition.end();
        }
        String normalized = normalizeCode(raw) + suffix;
        String surface = body.substring(family.start(), end);
        Optional<GazetteerEntry> known = lookupFirst(surface, family.name() + normalized, family.name() + " " + normalized);
        // Latin family names take their model code after a space, as their makers write them
        // (Helio M70, Exynos 990); Chinese ones run on (骁龙865, 昇腾910B)
        String joiner = Character.isLetter(family.name().charAt(family.name().length() - 1))
                && family.name().charAt(family.name().length() - 1) < 0x80 ? " " : "";
        String name = known.map(GazetteerEntry::name).orElse(family.name() + joiner + normalized);
        return withGeneration(body, new Mention("PRODUCT", name, surface, family.start(), end));
    }

    /** 第四代骁龙8s: the generation belongs to the product's name. */
    private static Mention withGeneration(String body, Mention m) {
        Matcher g = GENERATION.matcher(body.substring(Math.max(0, m.start() - 6), m.start()));
        if (!g.find() || !hasDigit(m.name())) {
            return m;
        }
        int start = m.start() - (g.end() - g.start());
        return new Mention(m.type(), g.group() + m.name(), body.substring(start, m.end()), start, m.end());
    }

    private Optional<Mention> vendorCode(String body, Mention vendor) {
        Matcher code = VENDOR_CODE.matcher(body);
        code.region(vendor.end(), body.length());
        if (!code.lookingAt() || NOT_A_MODEL.matcher(code.group(1)).matches()) {
            return Optional.empty();
        }
        String raw = code.group(1);
        String name = lookupFirst(raw).map(GazetteerEntry::name).orElse(raw);
        return Optional.of(new Mention("PRODUCT", name, raw, code.start(1), code.end(1)));
    }

    private void addBareCodes(String body, List<Mention> mentions) {
        Matcher m = BARE_CODE.matcher(body);
        List<Mention> added = new ArrayList<>();
        int[] chipWords = null;
        while (m.find()) {
            int start = m.start(1);
            int end = m.end(1);
            if (NOT_A_MODEL.matcher(m.group(1)).matches() || overlaps(mentions, start, end)
                    || UNIT_AFTER.matcher(body.substring(end, Math.min(body.length(), end + 3))).find()
                    || !chipWordIn(chipWords = chipWords == null ? chipWords(body) : chipWords, sentenceBounds(body, start))) {
                continue;
            }
            added.add(new Mention("PRODUCT", m.group(1), m.group(1), start, end));
        }
        mentions.addAll(added);
    }

    /**
     * V3.1 after its maker (DeepSeek推出V3.1版本) is the product the gazetteer lists as
     * DeepSeek-V3.1 or DeepSeek V3.1; a version no known product carries is left alone.
     */
    private void addVersions(String body, List<Mention> mentions) {
        Matcher m = VERSION.matcher(body);
        List<Mention> added = new ArrayList<>();
        while (m.find()) {
            if (overlaps(mentions, m.start(), m.end())) {
                continue;
            }
            Mention maker = null;
            for (Mention x : mentions) {
                if ("ORG".equals(x.type()) && x.end() <= m.start() && m.start() - x.end() <= 12
                        && sentenceAround(body, m.start()).contains(x.surface())) {
                    maker = x;
                }
            }
            if (maker == null) {
                continue;
            }
            Optional<GazetteerEntry> known = Optional.empty();
            for (String name : gazetteer.byName(maker.name()).map(GazetteerEntry::allNames).orElse(List.of(maker.name()))) {
                known = lookupFirst(name + "-" + m.group(), name + " " + m.group(), name + m.group());
                if (known.isPresent()) {
                    break;
                }
            }
            known.ifPresent(e -> added.add(new Mention("PRODUCT", e.name(), m.group(), m.start(), m.end())));
        }
        mentions.addAll(added);
    }

    /** 7nm, 3NM, 28纳米, 1.4nm: a process node whether or not the gazetteer lists it. */
    private void addProcessNodes(String body, List<Mention> mentions) {
        Matcher m = PROCESS_NODE.matcher(body);
        List<Mention> added = new ArrayList<>();
        while (m.find()) {
            if (overlaps(mentions, m.start(), m.end())) {
                continue;
            }
            String canonical = m.group(1) + "nm";
            List<GazetteerEntry> known = gazetteer.lookup(canonical);
            String name = known.size() == 1 ? known.get(0).name() : canonical;
            added.add(new Mention("TECH", name, m.group(), m.start(), m.end()));
        }
        mentions.addAll(added);
    }

    private Optional<GazetteerEntry> lookupFirst(String... aliases) {
        for (String alias : aliases) {
            List<GazetteerEntry> found = gazetteer.lookup(alias);
            if (found.size() == 1 && "PRODUCT".equals(found.get(0).type())) {
                return Optional.of(found.get(0));
            }
        }
        return Optional.empty();
    }

    /** 950dt and 950DT are one model; 8s stays 8s because its lower case is part of the name. */
    private static String normalizeCode(String raw) {
        if (LETTER_DIGIT_SUFFIX.matcher(raw).matches() && raw.replaceAll("\\d", "").length() >= 2) {
            return raw.toUpperCase(Locale.ROOT);
        }
        return raw;
    }

    private static boolean overlaps(List<Mention> mentions, int start, int end) {
        for (Mention x : mentions) {
            if (x.start() < end && x.end() > start) {
                return true;
            }
        }
        return false;
    }

    private static String sentenceAround(String body, int at) {
        int[] bounds = sentenceBounds(body, at);
        return body.substring(bounds[0], bounds[1]);
    }

    /**
     * The sentence around {@code at}, at most {@link SentenceSplitter#MAX_SENTENCE_CHARS} either
     * side: a page with no sentence ends (a table of codes) must not cost a scan per code.
     */
    private static int[] sentenceBounds(String body, int at) {
        int floor = Math.max(0, at - SentenceSplitter.MAX_SENTENCE_CHARS);
        int ceiling = Math.min(body.length(), at + SentenceSplitter.MAX_SENTENCE_CHARS);
        int from = at;
        while (from > floor && "。！？\n".indexOf(body.charAt(from - 1)) < 0) {
            from--;
        }
        int to = at;
        while (to < ceiling && "。！？\n".indexOf(body.charAt(to)) < 0) {
            to++;
        }
        return new int[] {from, to};
    }

    /** Where the chip words of the body start and end ({start, end} pairs), found in one pass rather than once per code. */
    private static int[] chipWords(String body) {
        return CHIP_CONTEXT.matcher(body).results().flatMapToInt(r -> java.util.stream.IntStream.of(r.start(), r.end())).toArray();
    }

    /** Whether a chip word lies wholly within the bounds, as a search of that text alone would find it. */
    private static boolean chipWordIn(int[] words, int[] bounds) {
        int lo = 0;
        int hi = words.length / 2;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (words[2 * mid] < bounds[0]) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < words.length / 2 && words[2 * lo + 1] <= bounds[1];
    }

    private static boolean hasDigit(String s) {
        return s.chars().anyMatch(Character::isDigit);
    }
}
