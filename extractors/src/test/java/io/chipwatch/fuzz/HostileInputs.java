package io.chipwatch.fuzz;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Makes hostile inputs out of real ones, the way a crawler meets them: truncated downloads,
 * flipped bytes, charsets declared wrong, deeply nested markup, huge single lines, NULs and
 * unpaired surrogates, absurd numerals, strings built to make regular expressions backtrack,
 * and sentences of thousands of figures. Every input is a pure function of the {@link Random}
 * it is given, so a seed reproduces it.
 */
final class HostileInputs {

    /** What the input is for. */
    enum Kind { HTML, TEXT, QUANTITY, PERIOD }

    /**
     * One input and how it was made.
     *
     * @param bytes       the page (HTML and TEXT); null for the sentence kinds
     * @param contentType the HTTP header declared with the page, or null
     * @param text        the sentence (QUANTITY and PERIOD); null for pages
     * @param recipe      the mutations applied, for the report
     */
    record Input(Kind kind, byte[] bytes, String contentType, String text, String recipe) {
        int size() {
            return bytes != null ? bytes.length : text.length();
        }
    }

    private static final String[] NUMERAL_UNITS = {"亿", "万", "百分之", "2025年", "1.", "9", ",000", "零点", "两千亿",
            "第", "１２３", "十", "千分之", "倍", "成", "3月", "5日", "Q", "财年", "兆", "億", "萬", "１", "．", "%"};
    private static final String[] TORTURE_TOKENS = {" ", "\u3000", "（", "(", "本文为", "点击", "责任编辑：", "V1.", "第一代",
            "7nm", "：", "Q1", "FY2025", "上半年", "2025-10-25 ", "<!--", "&amp;", "\\", "http://", "华为", "MI450 ",
            "A1 ", "(文|", "【点击", "未来", "较2024年", "同比下降", "占比", "约", "超过", "亿美元", "个百分点", "的", "，",
            "“", "”", "\t", "——", "…", "e", "E5", "-", "~", "至", "到", "万颗", "7", "0", "一", "十二", "版权所有"};
    private static final String[] FIGURE_CLAUSES = {"营收12亿元", "同比增长3.5%", "出货量达1200万颗", "市场份额约占35%",
            "投资约4.5万亿美元", "较2024年下降百分之十二", "售价699美元", "产能提升至每月10万片晶圆", "净利润1.2亿元",
            "估值超过500亿美元", "第二季度营收同比增长两成"};
    private static final String[] TAGS = {"div", "span", "table", "td", "p", "a", "b", "li", "ul", "font", "section", "tr"};
    private static final String[] SPECIALS = {"\0", "\uD800", "\uDFFF", "\uDBFF\uD800", "\uFFFE", "\uFEFF", "\u0001",
            "\u202E", "\r", "\u0085", "\u2028", "\uFFFF", "\u001B"};
    private static final String[] LABELS = {"utf-8", "gbk", "gb2312", "big5", "iso-8859-1", "shift_jis", "utf-16",
            "x-no-such-charset", "", "utf-8\"><x"};
    private static final Charset[] ENCODINGS = {StandardCharsets.UTF_8, Charset.forName("GBK"), Charset.forName("Big5"),
            Charset.forName("GB18030"), StandardCharsets.UTF_16LE, StandardCharsets.ISO_8859_1};
    /** log10 of the longest page-sized run. */
    private static final double PAGE_SIZED = 4;
    private static final Pattern DECLARED = Pattern.compile("(?i)charset\\s*=\\s*[\"']?[\\w-]+");

    private final Seeds seeds;
    private final int maxLength;
    private final List<String> pages;

    /** @param maxLength the longest generated run, in chars; the page it goes into adds to it */
    HostileInputs(Seeds seeds, int maxLength) {
        this.seeds = seeds;
        this.maxLength = maxLength;
        this.pages = seeds.pages().stream().map(HostileInputs::decode).toList();
    }

    Input next(Kind kind, Random r) {
        return switch (kind) {
            case HTML -> page(r);
            case TEXT -> plainText(r);
            case QUANTITY, PERIOD -> sentence(kind, r);
        };
    }

    // ---- pages ------------------------------------------------------------------------------

    private Input page(Random r) {
        StringBuilder recipe = new StringBuilder("html");
        String html;
        if (r.nextInt(5) == 0) {
            recipe.append("+synthetic");
            html = "<html><head><title>标题</title></head><body><h1>标题</h1><p>" + piece(r, recipe) + "</p></body></html>";
        } else {
            html = pages.get(r.nextInt(pages.size()));
            for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
                html = insertInto(html, "<p>" + piece(r, recipe) + "</p>", r, true);
            }
        }
        if (r.nextInt(6) == 0) {
            recipe.append("+nesting");
            html = insertInto(html, nest(piece(r, recipe), r), r, true);
        }
        if (r.nextInt(6) == 0) {
            recipe.append("+specials");
            html = specials(html, r);
        }
        String contentType = null;
        Charset encoding = StandardCharsets.UTF_8;
        if (r.nextInt(3) == 0) {
            encoding = ENCODINGS[r.nextInt(ENCODINGS.length)];
            String label = LABELS[r.nextInt(LABELS.length)];
            recipe.append("+mislabel(").append(encoding.name()).append(" as ").append(label).append(')');
            html = DECLARED.matcher(html).replaceAll("charset=" + label.replace("\\", "").replace("$", ""));
            if (r.nextBoolean()) {
                contentType = "text/html; charset=" + label;
            }
        }
        return new Input(Kind.HTML, bytes(html, encoding, r, recipe), contentType, null, recipe.toString());
    }

    private Input plainText(Random r) {
        StringBuilder recipe = new StringBuilder("text");
        String text = r.nextBoolean() ? seeds.texts().get(r.nextInt(seeds.texts().size()))
                : pages.get(r.nextInt(pages.size())).replaceAll("<[^>]{0,2000}>", "\n");
        for (int i = 0, n = 1 + r.nextInt(3); i < n; i++) {
            text = insertInto(text, piece(r, recipe), r, false);
        }
        if (r.nextInt(5) == 0) {
            recipe.append("+specials");
            text = specials(text, r);
        }
        Charset encoding = StandardCharsets.UTF_8;
        if (r.nextInt(4) == 0) {
            encoding = ENCODINGS[r.nextInt(ENCODINGS.length)];
            recipe.append("+encoded(").append(encoding.name()).append(')');
        }
        return new Input(Kind.TEXT, bytes(text, encoding, r, recipe), null, null, recipe.toString());
    }

    /** The text encoded, then perhaps cut short or with bytes flipped as a bad download would. */
    private byte[] bytes(String text, Charset encoding, Random r, StringBuilder recipe) {
        byte[] b = text.getBytes(encoding);
        if (r.nextInt(4) == 0 && b.length > 0) {
            int keep = r.nextInt(b.length + 1);
            recipe.append("+truncate(").append(keep).append(')');
            b = java.util.Arrays.copyOf(b, keep);
        }
        if (r.nextInt(4) == 0 && b.length > 0) {
            int flips = 1 + r.nextInt(64);
            recipe.append("+flip(").append(flips).append(')');
            for (int i = 0; i < flips; i++) {
                int at = r.nextInt(b.length);
                b[at] = switch (r.nextInt(4)) {
                    case 0 -> 0;
                    case 1 -> (byte) 0xFF;
                    case 2 -> (byte) (b[at] ^ (1 << r.nextInt(8)));
                    default -> (byte) r.nextInt(256);
                };
            }
        }
        return b;
    }

    // ---- sentences --------------------------------------------------------------------------

    private Input sentence(Kind kind, Random r) {
        StringBuilder recipe = new StringBuilder(kind.name().toLowerCase(java.util.Locale.ROOT));
        String s = piece(r, recipe);
        if (r.nextBoolean()) {
            String seed = seeds.texts().get(r.nextInt(seeds.texts().size()));
            int from = r.nextInt(Math.max(1, seed.length()));
            s = insertInto(seed.substring(from, Math.min(seed.length(), from + 300)), s, r, false);
        }
        if (r.nextInt(5) == 0) {
            recipe.append("+specials");
            s = specials(s, r);
        }
        return new Input(kind, null, null, s, recipe.toString());
    }

    // ---- pieces -----------------------------------------------------------------------------

    /** One hostile run of text, chosen among the classes of junk a crawler meets. */
    private String piece(Random r, StringBuilder recipe) {
        List<BiFunction<Random, StringBuilder, String>> makers = List.of(
                this::absurdNumeral, this::torture, this::manyFigures, this::hugeLine);
        return makers.get(r.nextInt(makers.size())).apply(r, recipe);
    }

    /**
     * A length spread over orders of magnitude, shaped like a crawler's stream: 19 runs in 20
     * page-sized (1 to 10,000 chars, even over the orders of magnitude), one in 20 huge (10,000
     * chars up to the limit: generated spam, a table flattened into one line).
     */
    private int length(Random r) {
        double lo = 0;
        double hi = Math.min(PAGE_SIZED, Math.log10(maxLength));
        if (r.nextInt(20) == 0 && Math.log10(maxLength) > PAGE_SIZED) {
            lo = PAGE_SIZED;
            hi = Math.log10(maxLength);
        }
        return Math.max(1, (int) Math.pow(10, lo + r.nextDouble() * (hi - lo)));
    }

    private String absurdNumeral(Random r, StringBuilder recipe) {
        int n = length(r);
        StringBuilder sb = new StringBuilder(n + 16);
        if (r.nextBoolean()) {
            String unit = NUMERAL_UNITS[r.nextInt(NUMERAL_UNITS.length)];
            recipe.append("+numeral(").append(unit).append('×').append(n / unit.length()).append(')');
            sb.append(unit.repeat(Math.max(1, n / unit.length())));
        } else {
            recipe.append("+numeralmix(").append(n).append(')');
            String chars = "0123456789一二三四五六七八九十百千万亿兆两零〇点.,%年月日";
            while (sb.length() < n) {
                sb.append(chars.charAt(r.nextInt(chars.length())));
            }
        }
        return sb.append(r.nextBoolean() ? "美元" : "颗").toString();
    }

    private String torture(Random r, StringBuilder recipe) {
        int n = length(r);
        StringBuilder sb = new StringBuilder(n + 16);
        if (r.nextBoolean()) {
            String a = TORTURE_TOKENS[r.nextInt(TORTURE_TOKENS.length)];
            String b = TORTURE_TOKENS[r.nextInt(TORTURE_TOKENS.length)];
            recipe.append("+torture(").append(a.strip()).append(b.strip()).append('×').append(n).append(')');
            while (sb.length() < n) {
                sb.append(a).append(b);
            }
        } else {
            recipe.append("+torturemix(").append(n).append(')');
            while (sb.length() < n) {
                sb.append(TORTURE_TOKENS[r.nextInt(TORTURE_TOKENS.length)]);
            }
        }
        return sb.toString();
    }

    private String manyFigures(Random r, StringBuilder recipe) {
        int n = length(r);
        StringBuilder sb = new StringBuilder(n + 32);
        int count = 0;
        while (sb.length() < n) {
            sb.append(FIGURE_CLAUSES[r.nextInt(FIGURE_CLAUSES.length)]).append(r.nextInt(8) == 0 ? "、" : "，");
            count++;
        }
        recipe.append("+figures(").append(count).append(')');
        return sb.append('。').toString();
    }

    /** A long line, huge one time in 20: a run of real text with its sentence ends and line breaks removed, or of 1.1.1. */
    private String hugeLine(Random r, StringBuilder recipe) {
        int n = Math.max(1000, length(r));
        String unit;
        if (r.nextInt(3) == 0) {
            unit = "1.";
        } else {
            String seed = seeds.texts().get(r.nextInt(seeds.texts().size()));
            int from = r.nextInt(Math.max(1, seed.length() - 200));
            unit = seed.substring(from, Math.min(seed.length(), from + 200)).replaceAll("[。！？；\\n\\r]", "，");
            if (unit.isEmpty()) {
                unit = "芯片";
            }
        }
        recipe.append("+hugeline(").append(n).append(')');
        return unit.repeat(Math.max(1, n / unit.length()));
    }

    private String nest(String inner, Random r) {
        int depth = length(r) / 4 + 10;
        String tag = TAGS[r.nextInt(TAGS.length)];
        boolean closed = r.nextBoolean();
        StringBuilder sb = new StringBuilder(depth * (tag.length() * 2 + 5) + inner.length());
        for (int i = 0; i < depth; i++) {
            sb.append('<').append(r.nextInt(4) == 0 ? TAGS[r.nextInt(TAGS.length)] : tag).append('>');
        }
        sb.append(inner);
        if (closed) {
            sb.append(("</" + tag + ">").repeat(depth));
        }
        return sb.toString();
    }

    private static String specials(String text, Random r) {
        StringBuilder sb = new StringBuilder(text);
        for (int i = 0, n = 1 + r.nextInt(200); i < n; i++) {
            sb.insert(r.nextInt(sb.length() + 1), SPECIALS[r.nextInt(SPECIALS.length)]);
        }
        return sb.toString();
    }

    /** Inserts at a random place; in HTML, after {@code <body} when there is one, between tags. */
    private static String insertInto(String text, String piece, Random r, boolean html) {
        int from = 0;
        if (html) {
            int body = text.indexOf("<body");
            from = body < 0 ? 0 : body;
        }
        int at = from + r.nextInt(text.length() - from + 1);
        if (html) {
            int tagStart = text.indexOf('<', at);
            at = tagStart < 0 ? text.length() : tagStart;
        }
        return text.substring(0, at) + piece + text.substring(at);
    }

    /** A page's bytes as text: UTF-8 when they are, else GB18030 (the corpus is Chinese). */
    private static String decode(byte[] page) {
        var decoder = StandardCharsets.UTF_8.newDecoder();
        try {
            return decoder.decode(java.nio.ByteBuffer.wrap(page)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(page, Charset.forName("GB18030"));
        }
    }
}
