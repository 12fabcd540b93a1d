package io.chipwatch.html;

import io.chipwatch.text.TextNormalizer;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The headline: a heading the page's {@code <title>} or {@code og:title} confirms, else the
 * {@code og:title}/JSON-LD headline, else {@code <title>}; always with the site suffix removed
 * ("…_网易财经", "…-EDN 电子技术设计", "… | 新浪").
 */
final class TitleExtractor {

    private static final Pattern SEPARATOR = Pattern.compile("\\s*(?:_|\\||｜|--|—|–|\\s-\\s|-|·|::)\\s*");
    /** Words that make a title segment look like a site or channel name. */
    private static final Pattern SITE_CUE = Pattern.compile(
            "网|新闻|频道|资讯|财经|科技|日报|晚报|时报|早报|商报|周刊|周报|在线|门户|之家|官网|电子|设计|号$|头条|凤凰|新浪|腾讯|搜狐|网易|澎湃|界面|"
                    + "观察|环球|人民|新华|央视|中新|\\.com|\\.cn|\\.net|(?i:sina|netease|tencent|sohu|ifeng|36kr|news|times|daily|online|tech)|"
                    + "百家号|论坛|社区|博客|(?i:bbs|blog)|贴吧|知乎|微博|公众号|平台|客户端|(?i:app)$|首页|中心|门户|报$|社$|台$|站$");

    String extract(Document doc, PageMeta meta) {
        String pageTitle = TextNormalizer.collapse(doc.title());
        List<String> references = new ArrayList<>();
        if (!pageTitle.isEmpty()) {
            references.add(pageTitle);
        }
        references.addAll(meta.titles());

        for (Element h : doc.select("h1, h2, .title, .article-title, .main-title, #activity-name")) {
            String text = TextNormalizer.collapse(h.text());
            if (text.length() < 4 || text.length() > 120) {
                continue;
            }
            for (String ref : references) {
                if (ref.contains(text) && (text.length() * 3 >= stripSuffix(ref, meta.siteName()).length())) {
                    return text;
                }
            }
        }
        for (String t : meta.titles()) {
            String clean = stripSuffix(t, meta.siteName());
            if (clean.length() >= 4 && !clean.equals(meta.siteName())) {
                return clean;
            }
        }
        if (!pageTitle.isEmpty()) {
            return stripSuffix(pageTitle, meta.siteName());
        }
        for (Element h : doc.select("h1, h2")) {
            String text = TextNormalizer.collapse(h.text());
            if (text.length() >= 4 && text.length() <= 120) {
                return text;
            }
        }
        return null;
    }

    /** Removes trailing site and channel names separated from the headline by _ | - — and the like. */
    static String stripSuffix(String title, String siteName) {
        String t = TextNormalizer.collapse(title);
        List<String> parts = new ArrayList<>(Arrays.asList(SEPARATOR.split(t)));
        if (parts.size() < 2) {
            return t;
        }
        int cut = t.length();
        // Walk back over trailing segments while they look like site names.
        for (int i = parts.size() - 1; i >= 1; i--) {
            String seg = parts.get(i);
            boolean site = seg.isEmpty()
                    || (siteName != null && (siteName.contains(seg) || seg.contains(siteName)))
                    || (seg.length() <= 16 && SITE_CUE.matcher(seg).find())
                    || t.substring(0, cut).endsWith("_" + seg);
            if (!site) {
                break;
            }
            int at = t.lastIndexOf(seg, cut);
            if (at < 0) {
                break;
            }
            int sepStart = at;
            while (sepStart > 0 && isSeparatorChar(t.charAt(sepStart - 1))) {
                sepStart--;
            }
            if (sepStart == 0) {
                break;
            }
            cut = sepStart;
        }
        String head = t.substring(0, cut).strip();
        return head.length() >= 2 ? head : t;
    }

    private static boolean isSeparatorChar(char c) {
        return c == '_' || c == '|' || c == '｜' || c == '-' || c == '—' || c == '–' || c == '·' || c == ':' || Character.isWhitespace(c);
    }
}
