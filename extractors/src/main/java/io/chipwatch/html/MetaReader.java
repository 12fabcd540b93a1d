package io.chipwatch.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@link PageMeta} from meta tags, link tags, JSON-LD and a few well-known script variables. */
final class MetaReader {

    private static final Logger LOG = LoggerFactory.getLogger(MetaReader.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> TITLE_KEYS = List.of("og:title", "twitter:title", "title", "headline");
    private static final List<String> PUBLISHED_KEYS = List.of(
            "article:published_time", "og:article:published_time", "og:published_time", "og:release_date",
            "datepublished", "publishdate", "publish_date", "publish-date", "pubdate", "publishtime", "publish_time",
            "publication_date", "article:published", "weibo:article:create_at", "dc.date.issued", "dc.date",
            "sailthru.date", "parsely-pub-date", "date", "createdate", "ptime", "firstpublishedtime");
    /** Times that are not the publication but tell its year: modification and update stamps. */
    private static final List<String> OTHER_TIME_KEYS = List.of(
            "article:modified_time", "og:updated_time", "datemodified", "dateupdate", "lastmodifiedtime", "lastmodified", "last-modified");
    private static final List<String> AUTHOR_KEYS = List.of("author", "article:author", "dc.creator", "byl", "sailthru.author", "twitter:creator");
    private static final List<String> SOURCE_KEYS = List.of("source", "article:source", "mediaid", "og:article:author");
    /** Page-data variables holding the creation time, as WeChat and several CMSes embed them. */
    private static final Pattern SCRIPT_TIME = Pattern.compile(
            "(?:\\bvar\\s+ct|\\bct|\"?publish_time\"?|\"?pubtime\"?|\"?create_time\"?|\"?publishTime\"?|\"?pubDate\"?)\\s*[=:]\\s*[\"']?(\\d{10,13}|\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}(?::\\d{2})?)[\"']?");

    PageMeta read(Document doc) {
        Map<String, List<String>> metas = metaValues(doc);
        List<String> titles = new ArrayList<>();
        List<String> published = new ArrayList<>();
        List<String> authors = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<String> scriptTimes = new ArrayList<>();
        String siteName = first(metas, "og:site_name");

        readJsonLd(doc, titles, published, authors, sources);
        for (String k : TITLE_KEYS) {
            titles.addAll(metas.getOrDefault(k, List.of()));
        }
        for (String k : PUBLISHED_KEYS) {
            published.addAll(metas.getOrDefault(k, List.of()));
        }
        for (Element t : doc.select("[itemprop=datePublished]")) {
            published.add(t.hasAttr("content") ? t.attr("content") : t.hasAttr("datetime") ? t.attr("datetime") : t.text());
        }
        List<String> otherTimes = new ArrayList<>();
        for (String k : OTHER_TIME_KEYS) {
            otherTimes.addAll(metas.getOrDefault(k, List.of()));
        }
        for (String k : AUTHOR_KEYS) {
            authors.addAll(metas.getOrDefault(k, List.of()));
        }
        for (String k : SOURCE_KEYS) {
            sources.addAll(metas.getOrDefault(k, List.of()));
        }
        for (Element s : doc.select("script:not([src])")) {
            String data = s.data();
            if (data.length() > 200_000) {
                continue;
            }
            Matcher m = SCRIPT_TIME.matcher(data);
            if (m.find()) {
                scriptTimes.add(m.group(1));
            }
        }
        String canonical = doc.select("link[rel~=(?i)^canonical$]").attr("href");
        if (canonical.isBlank()) {
            canonical = first(metas, "og:url");
        }
        return new PageMeta(clean(titles), blankToNull(siteName), blankToNull(canonical),
                clean(published), clean(authors), clean(sources), clean(scriptTimes), clean(otherTimes));
    }

    private static Map<String, List<String>> metaValues(Document doc) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Element meta : doc.select("meta[content]")) {
            String key = meta.hasAttr("property") ? meta.attr("property")
                    : meta.hasAttr("name") ? meta.attr("name")
                    : meta.hasAttr("itemprop") ? meta.attr("itemprop")
                    : meta.attr("http-equiv");
            if (!key.isBlank()) {
                out.computeIfAbsent(key.trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(meta.attr("content"));
            }
        }
        return out;
    }

    private static void readJsonLd(Document doc, List<String> titles, List<String> published,
                                   List<String> authors, List<String> sources) {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            JsonNode root;
            try {
                root = JSON.readTree(script.data());
            } catch (JsonProcessingException e) {
                LOG.debug("Ignoring unparseable JSON-LD block: {}", e.getOriginalMessage());
                continue;
            }
            Deque<JsonNode> todo = new ArrayDeque<>();
            todo.add(root);
            int seen = 0;
            while (!todo.isEmpty() && seen++ < 1000) {
                JsonNode n = todo.poll();
                if (n.isArray()) {
                    n.forEach(todo::add);
                    continue;
                }
                if (!n.isObject()) {
                    continue;
                }
                if (n.has("@graph")) {
                    todo.add(n.get("@graph"));
                }
                if (n.hasNonNull("headline")) {
                    titles.add(n.get("headline").asText());
                }
                if (n.hasNonNull("datePublished")) {
                    published.add(n.get("datePublished").asText());
                } else if (n.hasNonNull("pubDate")) {
                    published.add(n.get("pubDate").asText());
                }
                if (n.has("author") && n.has("headline")) {
                    names(n.get("author"), authors);
                }
                if (n.has("publisher") && n.has("headline")) {
                    names(n.get("publisher"), sources);
                }
            }
        }
    }

    private static void names(JsonNode n, List<String> out) {
        if (n.isTextual()) {
            out.add(n.asText());
        } else if (n.isArray()) {
            n.forEach(x -> names(x, out));
        } else if (n.isObject() && n.hasNonNull("name")) {
            out.add(n.get("name").asText());
        }
    }

    private static String first(Map<String, List<String>> metas, String key) {
        List<String> v = metas.get(key);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static List<String> clean(List<String> values) {
        List<String> out = new ArrayList<>();
        for (String v : values) {
            String t = v == null ? "" : io.chipwatch.text.TextNormalizer.collapse(v);
            if (!t.isEmpty() && !out.contains(t)) {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
