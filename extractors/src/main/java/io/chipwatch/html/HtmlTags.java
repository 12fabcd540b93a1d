package io.chipwatch.html;

import org.jsoup.nodes.Element;

import java.util.Set;

/** Which tags break text into blocks; everything else is read as inline. */
final class HtmlTags {

    private static final Set<String> BLOCK = Set.of(
            "p", "div", "section", "article", "main", "body", "td", "th", "tr", "table", "tbody", "thead", "tfoot",
            "li", "ul", "ol", "dl", "dd", "dt", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "center",
            "form", "figure", "figcaption", "header", "address", "hr", "fieldset", "details", "summary", "caption", "html");

    private HtmlTags() {
    }

    static boolean isBlock(Element e) {
        return BLOCK.contains(e.normalName());
    }

    /** Blocks that are a paragraph by themselves rather than a container of paragraphs. */
    static boolean isParagraphLike(Element e) {
        return switch (e.normalName()) {
            case "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dd", "dt", "figcaption", "blockquote", "pre" -> true;
            default -> false;
        };
    }
}
