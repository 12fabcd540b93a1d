package io.chipwatch.html;

import io.chipwatch.text.TextNormalizer;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns content elements into paragraphs in reading order: a paragraph ends at every block
 * boundary and every {@code <br>}. Paragraphs made mostly of link text (related-article lists,
 * tag clouds, "read more") are dropped; an inline link inside a sentence is kept.
 */
final class ParagraphCollector {

    List<String> collect(List<Element> blocks) {
        List<String> out = new ArrayList<>();
        for (Element block : blocks) {
            collect(block, out);
        }
        return out;
    }

    private static void collect(Element block, List<String> out) {
        NodeTraversor.traverse(new NodeVisitor() {
            final StringBuilder buf = new StringBuilder();
            int linkChars;
            int linkDepth;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    String text = t.getWholeText();
                    buf.append(text);
                    if (linkDepth > 0) {
                        linkChars += TextNormalizer.visibleLength(text);
                    }
                } else if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (tag.equals("br") || HtmlTags.isBlock(e)) {
                        flush();
                    } else if (tag.equals("a")) {
                        linkDepth++;
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    if (e.normalName().equals("a")) {
                        linkDepth--;
                    }
                    if (HtmlTags.isBlock(e)) {
                        flush();
                    }
                }
                if (node == block) {
                    flush();
                }
            }

            private void flush() {
                String p = TextNormalizer.collapse(buf.toString());
                int visible = TextNormalizer.visibleLength(p);
                if (visible > 0 && !(linkChars * 2 > visible && !hasSentenceOutsideLinks(visible))) {
                    out.add(p);
                }
                buf.setLength(0);
                linkChars = 0;
            }

            private boolean hasSentenceOutsideLinks(int visible) {
                // A paragraph that is mostly links but carries prose of its own is still prose.
                return visible - linkChars >= 40;
            }
        }, block);
    }
}
