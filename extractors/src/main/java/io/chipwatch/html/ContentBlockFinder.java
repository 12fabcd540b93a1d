package io.chipwatch.html;

import io.chipwatch.text.TextNormalizer;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses the elements holding the article text by text density, link density and prose
 * punctuation, in the manner of Readability and GNE: every block of running text scores
 * itself, its parent and (less) its grandparents; the best-scoring container wins, penalised
 * by its link density; siblings that continue the article are taken along.
 *
 * <p>All walks are iterative, so arbitrarily deep documents cannot overflow the stack.
 */
final class ContentBlockFinder {

    private static final int MIN_PARAGRAPH_CHARS = 8;

    /** The chosen elements in document order; empty when the page has no running text. */
    List<Element> find(Element root) {
        Map<Element, BlockStats> stats = measure(root);
        distributeScores(stats);
        Element best = null;
        double bestScore = 0;
        for (Map.Entry<Element, BlockStats> e : stats.entrySet()) {
            double s = finalScore(e.getValue());
            if (s > bestScore) {
                bestScore = s;
                best = e.getKey();
            }
        }
        if (best == null) {
            return List.of();
        }
        best = climbWhenSpread(best, bestScore, stats);
        return withSiblings(best, finalScore(stats.get(best)), stats);
    }

    private static double finalScore(BlockStats s) {
        return s.score * (1 - s.linkDensity());
    }

    private static Map<Element, BlockStats> measure(Element root) {
        Map<Element, BlockStats> stats = new IdentityHashMap<>();
        NodeTraversor.traverse(new NodeVisitor() {
            int linkDepth;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element e) {
                    stats.put(e, new BlockStats());
                    if (e.normalName().equals("a")) {
                        linkDepth++;
                    }
                } else if (node instanceof TextNode t) {
                    String text = t.text();
                    int len = TextNormalizer.visibleLength(text);
                    if (len == 0) {
                        return;
                    }
                    Element owner = owningBlock(t);
                    if (owner == null) {
                        return;
                    }
                    BlockStats s = stats.get(owner);
                    if (s == null) {
                        return;
                    }
                    s.ownText += len;
                    if (linkDepth > 0) {
                        s.ownLinkText += len;
                    } else {
                        for (int i = 0; i < text.length(); i++) {
                            if (TextNormalizer.isProsePunctuation(text.charAt(i))) {
                                s.ownPunct++;
                            }
                        }
                    }
                    Element parent = t.parent();
                    BlockStats direct = parent == null ? null : stats.get(parent);
                    if (direct != null) {
                        direct.text += len;
                        if (linkDepth > 0) {
                            direct.linkText += len;
                        }
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    if (e.normalName().equals("a")) {
                        linkDepth--;
                    }
                    Element parent = e.parent();
                    BlockStats mine = stats.get(e);
                    BlockStats up = parent == null ? null : stats.get(parent);
                    if (up != null && mine != null) {
                        up.text += mine.text;
                        up.linkText += mine.linkText;
                    }
                }
            }
        }, root);
        return stats;
    }

    private static Element owningBlock(TextNode t) {
        Node n = t.parent();
        int hops = 0;
        while (n instanceof Element e && hops++ < 64) {
            if (HtmlTags.isBlock(e)) {
                return e;
            }
            n = e.parent();
        }
        return n instanceof Element e ? e : null;
    }

    private static void distributeScores(Map<Element, BlockStats> stats) {
        for (Map.Entry<Element, BlockStats> entry : stats.entrySet()) {
            BlockStats s = entry.getValue();
            if (s.ownText < MIN_PARAGRAPH_CHARS || s.ownLinkDensity() > 0.5) {
                continue;
            }
            double paragraphScore = 1 + s.ownPunct + Math.min(s.ownText / 100.0, 3);
            Element e = entry.getKey();
            // Text sitting directly in a container makes that container the candidate, and its
            // ancestors weaker ones; a <p> makes its parent the candidate.
            double weight = 1;
            if (!HtmlTags.isParagraphLike(e)) {
                s.score += paragraphScore;
                weight = 0.5;
            }
            Element up = e.parent();
            for (int level = 1; up != null && level <= 3; level++) {
                BlockStats us = stats.get(up);
                if (us != null) {
                    us.score += paragraphScore * weight;
                }
                weight /= 2;
                up = up.parent();
            }
        }
    }

    /** When the runners-up sit under one ancestor of the winner, the article spans that ancestor. */
    private static Element climbWhenSpread(Element best, double bestScore, Map<Element, BlockStats> stats) {
        List<Element> top = new ArrayList<>(stats.keySet());
        top.sort(Comparator.comparingDouble((Element e) -> finalScore(stats.get(e))).reversed());
        List<Element> close = new ArrayList<>();
        for (int i = 1; i < Math.min(top.size(), 6); i++) {
            Element e = top.get(i);
            if (finalScore(stats.get(e)) >= 0.75 * bestScore && !isAncestor(e, best) && !isAncestor(best, e)) {
                close.add(e);
            }
        }
        if (close.size() < 2) {
            return best;
        }
        Element up = best.parent();
        for (int level = 0; up != null && level < 3; level++, up = up.parent()) {
            int inside = 0;
            for (Element c : close) {
                if (isAncestor(up, c)) {
                    inside++;
                }
            }
            if (inside >= 2) {
                return up;
            }
        }
        return best;
    }

    private static boolean isAncestor(Element ancestor, Element e) {
        Element p = e.parent();
        int hops = 0;
        while (p != null && hops++ < 10_000) {
            if (p == ancestor) {
                return true;
            }
            p = p.parent();
        }
        return false;
    }

    private static List<Element> withSiblings(Element best, double bestScore, Map<Element, BlockStats> stats) {
        Element parent = best.parent();
        if (parent == null) {
            return List.of(best);
        }
        double threshold = Math.max(10, bestScore * 0.2);
        List<Element> chosen = new ArrayList<>();
        for (Element sibling : parent.children()) {
            if (sibling == best) {
                chosen.add(sibling);
                continue;
            }
            BlockStats s = stats.get(sibling);
            if (s == null) {
                continue;
            }
            boolean strong = finalScore(s) >= threshold && s.linkDensity() < 0.3;
            boolean prose = HtmlTags.isParagraphLike(sibling) && s.text >= 30 && s.linkDensity() < 0.25 && s.ownPunct >= 2;
            if (strong || prose) {
                chosen.add(sibling);
            }
        }
        return chosen;
    }
}
