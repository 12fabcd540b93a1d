package io.chipwatch.html;

import io.chipwatch.text.TextNormalizer;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Removes what can never be article text before the content block is chosen: scripts, forms
 * controls, hidden elements, page navigation, and blocks whose class or id names them as
 * comments, share bars, related links, recommendations, footers or ads.
 */
final class DomCleaner {

    private static final String NEVER_TEXT =
            "script, style, noscript, template, iframe, svg, canvas, object, embed, select, option, textarea, button, input, "
                    + "link, meta, nav, aside, footer, dialog, [hidden], [aria-hidden=true], [style~=(?i)display\\s*:\\s*none]";

    /** Class/id words of page furniture (Readability's "unlikely candidates", adapted to Chinese portals). */
    private static final Pattern FURNITURE = Pattern.compile(
            "comment|reply|share|sharing|social|related|relate|recommend|recom|hot-?news|hotlist|rank|sidebar|side-bar|"
                    + "sidebox|breadcrumb|crumb|\\bnav|navbar|menu|footer|foot\\b|copyright|banner|advert|\\bads?\\b|\\bad-|-ad\\b|adv\\b|"
                    + "sponsor|popup|modal|login|signin|subscribe|qrcode|weixin-code|wx-code|pagination|pager|tags?-?box|keywords|"
                    + "statement|disclaimer|tuijian|xiangguan|fenxiang|pinglun|daohang|banquan|remen|mianze|guess|more-?news|next-?article|prev-?article|toolbar|bottom-?bar|topbar|top-bar|header",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CONTENT = Pattern.compile(
            "article|content|post-?body|post_body|main-?text|body-?text|text-?body|entry|story|rich_media|detail|js_content|artibody|news-?text",
            Pattern.CASE_INSENSITIVE);

    /** Removes elements that never hold visible text, and HTML comments. */
    void removeInvisible(Document doc) {
        doc.select(NEVER_TEXT).remove();
        removeComments(doc);
    }

    private static int prosePunctuation(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (TextNormalizer.isProsePunctuation(text.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    private static void removeComments(Document doc) {
        List<Node> comments = new ArrayList<>();
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof Comment) {
                comments.add(node);
            }
        }, doc);
        comments.forEach(Node::remove);
    }

    /** Removes navigation, share bars, comments, related links and the like, by their class and id. */
    void removeFurniture(Document doc) {
        Element body = doc.body();
        int totalText = Math.max(1, body.text().length());
        int totalProse = Math.max(1, prosePunctuation(body.text()));
        List<Element> doomed = new ArrayList<>();
        NodeTraversor.filter(new org.jsoup.select.NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (!(node instanceof Element e) || e == body || e.tagName().equals("html")) {
                    return FilterResult.CONTINUE;
                }
                String tag = e.normalName();
                if (tag.equals("a") || tag.equals("p") || tag.equals("span") || tag.equals("img")) {
                    return FilterResult.CONTINUE;
                }
                String names = (e.id() + " " + e.className()).toLowerCase(Locale.ROOT);
                if (names.isBlank() || !FURNITURE.matcher(names).find() || CONTENT.matcher(names).find()) {
                    return FilterResult.CONTINUE;
                }
                // A "furniture" name on a block holding much of the page's prose is a misnomer
                // (ifeng wraps its article in "js_img_share_area"), not furniture.
                String text = e.text();
                if (text.length() * 2 > totalText || prosePunctuation(text) * 5 > totalProse * 2) {
                    return FilterResult.CONTINUE;
                }
                doomed.add(e);
                return FilterResult.SKIP_ENTIRELY;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, body);
        doomed.forEach(Node::remove);
    }
}
