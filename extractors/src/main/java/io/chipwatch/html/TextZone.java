package io.chipwatch.html;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * Visible text next to an element in document order, outside links, with block boundaries as
 * newlines: where date lines and bylines sit around a headline. Link text is left out so that
 * the dates of related-article links are never read as the article's own.
 */
final class TextZone {

    private TextZone() {
    }

    /** Up to {@code max} characters of text that follow {@code start} (after its subtree), link text only when asked. */
    static String after(Element root, Element start, int max, boolean withLinks) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.filter(new NodeFilter() {
            boolean started;
            int linkDepth;

            @Override
            public FilterResult head(Node node, int depth) {
                if (node == start) {
                    return FilterResult.SKIP_CHILDREN;
                }
                if (node instanceof Element e) {
                    if (e.normalName().equals("a")) {
                        linkDepth++;
                    }
                    if (started) {
                        // Adjacent spans ("10-08" "12:00") are apart on screen; keep them apart here.
                        out.append(HtmlTags.isBlock(e) || e.normalName().equals("br") ? '\n' : ' ');
                    }
                } else if (started && (withLinks || linkDepth == 0) && node instanceof TextNode t) {
                    out.append(t.text());
                    if (out.length() >= max) {
                        return FilterResult.STOP;
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node == start) {
                    started = true;
                } else if (node instanceof Element e && e.normalName().equals("a")) {
                    linkDepth--;
                }
                return FilterResult.CONTINUE;
            }
        }, root);
        return out.length() > max ? out.substring(0, max) : out.toString();
    }

    /** The last {@code max} characters of text that precede {@code end}. */
    static String before(Element root, Element end, int max) {
        StringBuilder out = new StringBuilder();
        NodeTraversor.filter(new NodeFilter() {
            int linkDepth;

            @Override
            public FilterResult head(Node node, int depth) {
                if (node == end) {
                    return FilterResult.STOP;
                }
                if (node instanceof Element e) {
                    if (e.normalName().equals("a")) {
                        linkDepth++;
                    }
                    out.append(HtmlTags.isBlock(e) || e.normalName().equals("br") ? '\n' : ' ');
                } else if (linkDepth == 0 && node instanceof TextNode t) {
                    out.append(t.text());
                    if (out.length() > 4 * max) {
                        out.delete(0, out.length() - max);
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element e && e.normalName().equals("a")) {
                    linkDepth--;
                }
                return FilterResult.CONTINUE;
            }
        }, root);
        return out.length() > max ? out.substring(out.length() - max) : out.toString();
    }
}
