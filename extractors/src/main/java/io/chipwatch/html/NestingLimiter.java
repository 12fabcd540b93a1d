package io.chipwatch.html;

import org.jsoup.parser.Tag;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Bounds how deep a page's markup nests before jsoup builds its tree. jsoup, like browsers,
 * stops nesting at 512 open elements, but its tree builder searches the stack of open elements
 * for most tags, so every tag costs in proportion to the depth: a megabyte of unclosed
 * {@code <div>} costs seconds of CPU at depth 512. (A lower {@code Parser.setMaxDepth} would
 * help, but jsoup 1.22.1 then fails with an IndexOutOfBoundsException when it re-opens
 * formatting elements at that depth.)
 *
 * <p>So a start tag that would open an element deeper than {@link #MAX_DEPTH} is left out before
 * parsing, as is the end tag that closes it; its text stays, in the deepest element allowed, and
 * a left-out block tag leaves a line break so that the text of its lines does not run together.
 * The depth is followed as the tree builder follows it for ordinary markup: void elements, raw
 * text (script, style, title, textarea…), comments, the ends that tags imply (a block closes an
 * open {@code p}, {@code li} closes {@code li}, cells and rows close cells and rows, table parts
 * outside a table are ignored), end tags closing what they match. Rarer rules (re-opened
 * formatting elements, foreign content) are not followed; the tree may then be a few levels
 * deeper than counted, and jsoup's own limit stays behind this one.
 *
 * <p>Linear in the page: one pass, and each tag compared with at most {@code MAX_DEPTH} open
 * elements. Stateless and thread-safe.
 */
final class NestingLimiter {

    /**
     * The deepest nesting kept, in open elements below {@code <body>}. Real pages stay far
     * below: the deepest page of the test corpus nests 29 levels, and jsoup once found 26 the
     * deepest scope of a million popular sites.
     */
    static final int MAX_DEPTH = 128;

    /**
     * The page with its too-deep tags left out.
     *
     * @param html         the page as parsed; the input itself when nothing was left out
     * @param tagsDropped  start and end tags left out
     */
    record Limited(String html, int tagsDropped) {
    }

    /** Merged into the elements the tree builder opened itself, or ignored. */
    private static final Set<String> NOT_COUNTED_NAMES = Set.of("html", "head", "body", "frameset", "frame");
    private static final Set<String> P = Set.of("p");
    private static final Set<String> TABLE_PARTS = Set.of("td", "th", "tr", "tbody", "thead", "tfoot", "caption", "colgroup");
    /** Where the search for an open p ends (the "button scope" of the HTML parsing rules). */
    private static final Set<String> BUTTON_SCOPE = Set.of("applet", "caption", "html", "table", "td", "th", "marquee",
            "object", "template", "button");
    /** Where the search for an element "in scope" ends. */
    private static final Set<String> DEFAULT_SCOPE = Set.of("applet", "caption", "html", "table", "td", "th", "marquee",
            "object", "template");
    /** Elements that open a fresh list of formatting elements: an a outside them is not ended by one inside. */
    private static final Set<String> FORMATTING_MARKERS = Set.of("applet", "caption", "td", "th", "marquee", "object", "template");
    /** Elements that stop the search for an open li, dd or dt (the "special" ones other than address, div, p). */
    private static final Set<String> LIST_ITEM_SCOPE = Set.of("ul", "ol", "menu", "dl", "table", "td", "th", "button",
            "applet", "object", "marquee", "template", "section", "article", "aside", "nav", "blockquote", "fieldset",
            "figure", "form", "header", "footer", "main", "center", "details", "dialog", "pre", "listing");
    private static final Set<String> CLOSES_P = Set.of("address", "article", "aside", "blockquote", "center", "details",
            "dialog", "dir", "div", "dl", "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "main", "menu",
            "nav", "ol", "p", "search", "section", "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "listing",
            "form", "table", "hr", "xmp", "li", "dd", "dt", "plaintext");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

    // What a tag name is, looked up once per name and page.
    private static final int VOID = 1;
    private static final int RAW = 2;
    private static final int BLOCK = 4;
    private static final int KNOWN = 8;
    private static final int NOT_COUNTED = 16;
    private static final int TABLE_PART = 32;
    private static final int CLOSES_AN_OPEN_P = 64;
    private static final int HEADING = 128;

    Limited limit(String html) {
        return new Pass(html).run();
    }

    /** One pass over one page: the open elements as the tree builder would hold them, and the output. */
    private static final class Pass {
        private final String html;
        private final int n;
        private final String[] open = new String[MAX_DEPTH];
        private int depth;
        private final Map<String, int[]> openCount = new HashMap<>();
        /** Start tags left out whose end tag has not come yet, by name; all children of the deepest open element. */
        private final Map<String, Integer> droppedOpen = new HashMap<>();
        private final Map<String, Integer> kinds = new HashMap<>();
        private StringBuilder out;
        private int copied;
        private int dropped;

        Pass(String html) {
            this.html = html;
            this.n = html.length();
        }

        Limited run() {
            int i = 0;
            while (i < n) {
                int lt = html.indexOf('<', i);
                if (lt < 0 || lt + 1 >= n) {
                    break;
                }
                char c = html.charAt(lt + 1);
                if (c == '!' || c == '?') {
                    i = html.startsWith("<!--", lt) ? after(html.indexOf("-->", lt + 4), 3) : after(html.indexOf('>', lt), 1);
                } else if (c == '/' && lt + 2 < n && isAsciiLetter(html.charAt(lt + 2))) {
                    int nameEnd = nameEnd(lt + 2);
                    int tagEnd = tagEnd(nameEnd);
                    endTag(html.substring(lt + 2, nameEnd).toLowerCase(Locale.ROOT), lt, tagEnd);
                    i = tagEnd;
                } else if (isAsciiLetter(c)) {
                    int nameEnd = nameEnd(lt + 1);
                    int tagEnd = tagEnd(nameEnd);
                    String name = html.substring(lt + 1, nameEnd).toLowerCase(Locale.ROOT);
                    boolean selfClosing = tagEnd - 2 >= nameEnd && html.charAt(tagEnd - 1) == '>' && html.charAt(tagEnd - 2) == '/';
                    startTag(name, lt, tagEnd, selfClosing);
                    i = (kind(name) & RAW) != 0 ? rawTextEnd(name, tagEnd) : tagEnd;
                } else {
                    i = lt + 1;
                }
            }
            if (out == null) {
                return new Limited(html, 0);
            }
            out.append(html, copied, n);
            return new Limited(out.toString(), dropped);
        }

        private void startTag(String name, int from, int to, boolean selfClosing) {
            int kind = kind(name);
            if ((kind & (NOT_COUNTED | VOID | RAW)) != 0
                    || selfClosing && ((kind & KNOWN) == 0 || isOpen("svg") || isOpen("math"))) {
                return;
            }
            if (isOpen("select")) {
                if (name.equals("select")) {
                    popTo("select");
                    return;
                }
                if (!name.equals("option") && !name.equals("optgroup")) {
                    return; // the tree builder ignores other tags inside a select
                }
            }
            if ((kind & TABLE_PART) != 0 && !isOpen("table")) {
                return; // ignored outside a table
            }
            closeImplied(name, kind);
            if (depth < MAX_DEPTH) {
                open[depth++] = name;
                openCount.computeIfAbsent(name, k -> new int[1])[0]++;
            } else {
                droppedOpen.merge(name, 1, Integer::sum);
                drop(from, to, (kind & BLOCK) != 0);
            }
        }

        /** The ends a start tag implies before it opens. */
        private void closeImplied(String name, int kind) {
            switch (name) {
                case "li" -> closeWithin(Set.of("li"), LIST_ITEM_SCOPE);
                case "dd", "dt" -> closeWithin(Set.of("dd", "dt"), LIST_ITEM_SCOPE);
                case "td", "th" -> closeWithin(Set.of("td", "th"), Set.of("tr", "table"));
                case "tr" -> closeWithin(Set.of("tr"), Set.of("table"));
                case "tbody", "thead", "tfoot" -> closeWithin(Set.of("tbody", "thead", "tfoot"), Set.of("table"));
                case "option" -> closeTop("option");
                case "optgroup" -> {
                    closeTop("option");
                    closeTop("optgroup");
                }
                // a new a (or nobr) ends the open one by adoption, which moves what is inside it rather than closing it
                case "a", "nobr" -> removeWithin(name, FORMATTING_MARKERS);
                case "button" -> closeWithin(Set.of("button"), DEFAULT_SCOPE);
                // a table straight in a table (not in a cell) ends the open one
                case "table" -> closeWithin(Set.of("table"), Set.of("td", "th", "caption"));
                default -> {
                }
            }
            if ((kind & CLOSES_AN_OPEN_P) != 0) {
                closeWithin(P, BUTTON_SCOPE);
            }
            if ((kind & HEADING) != 0 && depth > 0 && (kind(open[depth - 1]) & HEADING) != 0) {
                pop();
            }
        }

        private void endTag(String name, int from, int to) {
            Integer left = droppedOpen.get(name);
            if (left != null) {
                // it closes a start tag that was left out
                if (left == 1) {
                    droppedOpen.remove(name);
                } else {
                    droppedOpen.put(name, left - 1);
                }
                drop(from, to, (kind(name) & BLOCK) != 0);
                return;
            }
            if (isOpen(name)) {
                popTo(name);
            }
        }

        /** Pops to the nearest open element named in {@code names}, unless one of {@code scope} comes first. */
        private void closeWithin(Set<String> names, Set<String> scope) {
            boolean any = false;
            for (String name : names) {
                any |= isOpen(name);
            }
            if (!any) {
                return;
            }
            for (int k = depth - 1; k >= 0; k--) {
                if (names.contains(open[k])) {
                    while (depth > k) {
                        pop();
                    }
                    return;
                }
                if (scope.contains(open[k])) {
                    return;
                }
            }
        }

        /** Takes the nearest open element of that name out of the stack, unless one of {@code scope} comes first. */
        private void removeWithin(String name, Set<String> scope) {
            if (!isOpen(name)) {
                return;
            }
            for (int k = depth - 1; k >= 0; k--) {
                if (open[k].equals(name)) {
                    if (k == depth - 1) {
                        pop();
                    } else {
                        System.arraycopy(open, k + 1, open, k, depth - k - 1);
                        depth--;
                        openCount.get(name)[0]--;
                    }
                    return;
                }
                if (scope.contains(open[k])) {
                    return;
                }
            }
        }

        private void closeTop(String name) {
            if (depth > 0 && open[depth - 1].equals(name)) {
                pop();
            }
        }

        private void popTo(String name) {
            while (depth > 0) {
                if (pop().equals(name)) {
                    return;
                }
            }
        }

        private String pop() {
            String name = open[--depth];
            openCount.get(name)[0]--;
            // Left-out tags were children of the deepest element: closing it closes them.
            droppedOpen.clear();
            return name;
        }

        private boolean isOpen(String name) {
            int[] k = openCount.get(name);
            return k != null && k[0] > 0;
        }

        private void drop(int from, int to, boolean block) {
            if (out == null) {
                out = new StringBuilder(n);
            }
            out.append(html, copied, from);
            if (block) {
                out.append('\n');
            }
            copied = to;
            dropped++;
        }

        private int kind(String name) {
            return kinds.computeIfAbsent(name, k -> {
                Tag tag = Tag.valueOf(k);
                return (tag.isEmpty() ? VOID : 0) | (tag.is(Tag.RcData) || tag.is(Tag.Data) ? RAW : 0)
                        | (tag.isBlock() ? BLOCK : 0) | (tag.isKnownTag() ? KNOWN : 0)
                        | (NOT_COUNTED_NAMES.contains(k) ? NOT_COUNTED : 0) | (TABLE_PARTS.contains(k) ? TABLE_PART : 0)
                        | (CLOSES_P.contains(k) ? CLOSES_AN_OPEN_P : 0) | (HEADINGS.contains(k) ? HEADING : 0);
            });
        }

        private int nameEnd(int from) {
            int j = from;
            while (j < n) {
                char c = html.charAt(j);
                if (c == '>' || c == '/' || Character.isWhitespace(c)) {
                    break;
                }
                j++;
            }
            return j;
        }

        /** Just after the tag's {@code >}, skipping quoted attribute values; the end when none comes. */
        private int tagEnd(int from) {
            int j = from;
            while (j < n) {
                char c = html.charAt(j);
                if (c == '>') {
                    return j + 1;
                }
                j++;
                if (c == '=') {
                    while (j < n && Character.isWhitespace(html.charAt(j))) {
                        j++;
                    }
                    if (j < n && (html.charAt(j) == '"' || html.charAt(j) == '\'')) {
                        int quote = html.indexOf(html.charAt(j), j + 1);
                        if (quote < 0) {
                            return n;
                        }
                        j = quote + 1;
                    }
                }
            }
            return n;
        }

        /** Where the raw text of a script, style, title… ends: at its end tag, or the page's end. */
        private int rawTextEnd(String name, int from) {
            if (name.equals("plaintext")) {
                return n;
            }
            int j = from;
            while (true) {
                int lt = html.indexOf("</", j);
                if (lt < 0) {
                    return n;
                }
                int after = lt + 2 + name.length();
                if (html.regionMatches(true, lt + 2, name, 0, name.length())
                        && (after >= n || html.charAt(after) == '>' || html.charAt(after) == '/' || Character.isWhitespace(html.charAt(after)))) {
                    return lt;
                }
                j = lt + 2;
            }
        }

        private int after(int found, int length) {
            return found < 0 ? n : found + length;
        }

        private static boolean isAsciiLetter(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
        }
    }
}
