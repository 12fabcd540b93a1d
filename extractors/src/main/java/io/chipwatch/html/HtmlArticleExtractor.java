package io.chipwatch.html;

import io.chipwatch.model.Article;
import io.chipwatch.model.ExtractionException;
import io.chipwatch.model.Ids;
import io.chipwatch.model.RawPage;
import io.chipwatch.text.Boilerplate;
import io.chipwatch.text.BylineParser;
import io.chipwatch.text.LanguageGuesser;
import io.chipwatch.text.MetaLines;
import io.chipwatch.text.TextNormalizer;
import io.chipwatch.time.ChineseDateTimeParser;
import io.chipwatch.time.DateContext;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decoded HTML to {@link Article}. Metadata comes from tags first, then from the visible text
 * around the headline; the body from {@link ContentBlockFinder} unless a {@link SiteRule} names
 * it. Stateless apart from its immutable rules, so one instance may serve many threads.
 */
public final class HtmlArticleExtractor {

    private static final Logger LOG = LoggerFactory.getLogger(HtmlArticleExtractor.class);
    private static final int ZONE_CHARS = 600;
    private static final int BYLINE_HEAD = 40;
    /** Where self-media pages name the account that published the article. */
    private static final String ACCOUNT_HINTS = "[class*=authorName], [class*=author-name], [class*=author_name], [class*=nickname], "
            + "[class*=account-name], [class*=accountName], [class*=media-name], [class*=mediaName], #js_name";
    /** Where forum threads name the poster of the first post. */
    private static final String POSTER_HINTS = ".authi a, [class*=post-author], [class*=postauthor], [class*=poster-name], [itemprop=author] [itemprop=name]";
    private static final Pattern URL_DATE = Pattern.compile("(?<![0-9])(20\\d{2})[-/_]?(?:[01]\\d)(?:[-/_]?[0-3]\\d)?(?![0-9])");
    private static final Pattern LABELLED_DATE = Pattern.compile(
            "(?:发布时间|发表时间|發佈時間|发布日期|發布日期|更新时间|时间|日期|发布于|发表于|Published|Posted)\\s*[：:]?\\s*([^\\n]{6,40})");

    private final SiteRules siteRules;
    private final NestingLimiter nesting = new NestingLimiter();
    private final MetaReader metaReader = new MetaReader();
    private final TitleExtractor titles = new TitleExtractor();
    private final DomCleaner cleaner = new DomCleaner();
    private final ContentBlockFinder blocks = new ContentBlockFinder();
    private final ParagraphCollector paragraphs = new ParagraphCollector();
    private final ChineseDateTimeParser dates = new ChineseDateTimeParser();
    private final BylineParser bylines = new BylineParser();
    private final LanguageGuesser languages = new LanguageGuesser();

    public HtmlArticleExtractor(SiteRules siteRules) {
        this.siteRules = siteRules;
    }

    public Article extract(String html, RawPage page, String charset) throws ExtractionException {
        URI url = page.url();
        NestingLimiter.Limited limited = nesting.limit(html);
        if (limited.tagsDropped() > 0) {
            LOG.debug("{}: markup nested deeper than {} elements, {} tags left out", url, NestingLimiter.MAX_DEPTH, limited.tagsDropped());
        }
        Document doc = Jsoup.parse(limited.html(), url == null ? "" : url.toString());
        Optional<SiteRule> rule = siteRules.forUrl(url);
        PageMeta meta = metaReader.read(doc);
        String title = rule.map(r -> selectText(doc, r.title())).orElse(null);
        if (title == null) {
            title = titles.extract(doc, meta);
        }

        cleaner.removeInvisible(doc);
        Element titleElement = findTitleElement(doc, title);
        String zone = titleElement == null ? "" : TextZone.after(doc.body(), titleElement, ZONE_CHARS, false);
        String bylineZone = titleElement == null ? "" : TextZone.after(doc.body(), titleElement, ZONE_CHARS, true);

        Optional<String> accountHint = hintText(doc, ACCOUNT_HINTS);
        Optional<String> posterHint = hintText(doc, POSTER_HINTS);
        DateContext ctx = DateContext.at(page.fetchedAt()).withYearHint(yearHint(url, meta, page));
        OffsetDateTime published = rule.map(r -> selectDate(doc, r.published(), ctx)).orElse(null);

        rule.ifPresent(r -> r.remove().forEach(css -> doc.select(css).remove()));
        List<Element> content = rule.map(r -> (List<Element>) doc.select(orEmpty(r.body()))).orElse(List.of());
        if (content.isEmpty()) {
            cleaner.removeFurniture(doc);
            content = blocks.find(doc.body());
        }
        if (titleElement == null && !content.isEmpty()) {
            zone = TextZone.before(doc.body(), content.get(0), ZONE_CHARS / 2);
            bylineZone = zone;
        }
        List<String> rawParagraphs = paragraphs.collect(content);
        List<String> body = cleanParagraphs(rawParagraphs, title);
        String joined = String.join("\n", body);
        if (joined.isEmpty()) {
            throw new ExtractionException(title == null ? "no article text found in page" : "no article text found under the title \"" + title + "\"");
        }
        // The header zone ends where the article text begins: dates in the story are not its date.
        zone = cutAtBody(zone, body);
        bylineZone = cutAtBody(bylineZone, body);
        if (published == null) {
            published = publishedFrom(meta, zone, doc, ctx);
        }

        String afterZone = content.isEmpty() ? "" : TextZone.after(doc.body(), content.get(content.size() - 1), ZONE_CHARS / 2, true);
        String author = rule.map(r -> selectText(doc, r.author())).flatMap(bylines::name).orElse(null);
        if (author == null) {
            author = authorFrom(meta, bylineZone, body, rawParagraphs, doc.title())
                    .or(() -> bylines.author(afterZone))
                    .or(() -> posterHint)
                    .or(() -> metaAuthor(meta, doc.title()))
                    .orElse(null);
        }
        String source = rule.map(r -> selectText(doc, r.source())).flatMap(bylines::name).orElse(null);
        if (source == null) {
            source = bylines.source(bylineZone)
                    .or(() -> accountHint)
                    .or(() -> bylines.source(afterZone))
                    .or(() -> meta.sources().stream().map(bylines::name).flatMap(Optional::stream).findFirst())
                    .or(() -> bylines.name(meta.siteName()))
                    .orElse(null);
        }

        String canonical = canonical(meta.canonical(), url);
        String id = canonical != null ? Ids.sha1(canonical) : Ids.sha1(page.bytes());
        return new Article(id, url == null ? null : url.toString(), canonical, title, published, author, source,
                languages.guess(joined), joined, charset);
    }

    /**
     * The date line under the headline when it gives a time of day (it is what readers see, and
     * meta tags often carry a later edit time); else the meta tags; else a date-only line; else
     * page-data variables; else a labelled date ("发布时间：…") anywhere on the page.
     */
    private OffsetDateTime publishedFrom(PageMeta meta, String zone, Document doc, DateContext ctx) {
        Optional<ChineseDateTimeParser.FoundTime> visible = dates.locate(zone, ctx);
        if (visible.isPresent() && visible.get().hasTime()) {
            return visible.get().at();
        }
        Optional<OffsetDateTime> fromMeta = firstValue(meta.published(), ctx);
        if (fromMeta.isPresent()) {
            return fromMeta.get();
        }
        if (visible.isPresent()) {
            return visible.get().at();
        }
        Optional<OffsetDateTime> fromScript = firstValue(meta.scriptTimes(), ctx);
        if (fromScript.isPresent()) {
            return fromScript.get();
        }
        Matcher labelled = LABELLED_DATE.matcher(doc.body().wholeText());
        while (labelled.find()) {
            Optional<OffsetDateTime> t = dates.find(labelled.group(1), ctx);
            if (t.isPresent()) {
                return t.get();
            }
        }
        return null;
    }

    private Optional<OffsetDateTime> firstValue(List<String> values, DateContext ctx) {
        for (String value : values) {
            Optional<OffsetDateTime> t = dates.parseValue(value, ctx);
            if (t.isPresent()) {
                return t;
            }
        }
        return Optional.empty();
    }

    private static String cutAtBody(String zone, List<String> body) {
        if (body.isEmpty() || zone.isEmpty()) {
            return zone;
        }
        String first = body.get(0);
        String probe = first.substring(0, Math.min(first.length(), 12));
        int at = TextZoneSearch.indexIgnoringSpace(zone, probe);
        return at < 0 ? zone : zone.substring(0, at);
    }

    /**
     * The byline under the headline, else one opening the story ("新京报讯（记者 陆一夫）"), else a
     * credit closing it (the last raw lines, before credit lines were cleaned away), else meta tags.
     */
    private Optional<String> authorFrom(PageMeta meta, String zone, List<String> body, List<String> raw, String pageTitle) {
        Optional<String> a = bylines.author(zone);
        if (a.isEmpty() && !body.isEmpty()) {
            a = bylines.author(body.get(0).length() > BYLINE_HEAD ? body.get(0).substring(0, BYLINE_HEAD) : body.get(0));
        }
        for (int i = raw.size() - 1; a.isEmpty() && i >= Math.max(1, raw.size() - 4); i--) {
            String line = raw.get(i);
            String tail = line.length() > 120 ? line.substring(line.length() - 120) : line;
            a = bylines.author(tail).or(() -> bylines.closingAuthor(tail));
        }
        return a;
    }

    private Optional<String> metaAuthor(PageMeta meta, String pageTitle) {
        return meta.authors().stream()
                .filter(n -> meta.siteName() == null || !meta.siteName().contains(n))
                .filter(n -> !pageTitle.contains(n)) // the site's own name, as in a title ending in _网易体育
                .map(bylines::name).flatMap(Optional::stream).findFirst();
    }

    /** The short text of the first element a class-name hint points at, if it reads as a name. */
    private Optional<String> hintText(Document doc, String css) {
        for (Element e : doc.select(css)) {
            String t = TextNormalizer.collapse(e.text());
            if (!t.isEmpty() && t.length() <= 20) {
                return bylines.name(t);
            }
        }
        return Optional.empty();
    }

    private static List<String> cleanParagraphs(List<String> raw, String title) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String p = raw.get(i);
            if (title != null && (p.equals(title) || (out.isEmpty() && i < 3 && isTitleFragment(p, title)))) {
                continue;
            }
            if (out.size() < 2 && MetaLines.isMetaLine(p)) {
                continue;
            }
            if (!out.isEmpty() && out.get(out.size() - 1).equals(p)) {
                continue;
            }
            out.add(p);
        }
        return Boilerplate.clean(out);
    }

    /** A headline repeated in the content, perhaps broken over lines. */
    private static boolean isTitleFragment(String paragraph, String title) {
        String p = paragraph.replace(" ", "");
        return p.length() >= 6 && title.replace(" ", "").contains(p);
    }

    private static Element findTitleElement(Document doc, String title) {
        if (title == null) {
            return null;
        }
        Elements headings = doc.select("h1, h2, h3, .title, [class*=title], #activity-name");
        for (Element h : headings) {
            if (TextNormalizer.collapse(h.text()).equals(title)) {
                return h;
            }
        }
        for (Element h : headings) {
            String t = TextNormalizer.collapse(h.text());
            if (t.length() >= 4 && (title.contains(t) || t.contains(title)) && !h.normalName().equals("body")) {
                return h;
            }
        }
        return null;
    }

    /** The year a date written without one belongs to: from the URL, else from any full time the page states. */
    private Integer yearHint(URI url, PageMeta meta, RawPage page) {
        if (url != null && url.getPath() != null) {
            Matcher m = URL_DATE.matcher(url.getPath());
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        DateContext plain = DateContext.at(page.fetchedAt());
        for (List<String> values : List.of(meta.published(), meta.otherTimes(), meta.scriptTimes())) {
            Optional<OffsetDateTime> t = firstValue(values, plain);
            if (t.isPresent()) {
                return t.get().getYear();
            }
        }
        return null;
    }

    private static String canonical(String declared, URI url) {
        if (declared != null) {
            try {
                URI c = url == null ? URI.create(declared) : url.resolve(declared);
                if (c.isAbsolute() && c.getScheme().startsWith("http")) {
                    return c.toString();
                }
            } catch (IllegalArgumentException e) {
                // a malformed canonical link is ignored; the fetch URL stands in
            }
        }
        return url == null ? null : url.toString();
    }

    private static String orEmpty(String css) {
        return css == null || css.isBlank() ? "nothing-matches-this" : css;
    }

    private static String selectText(Document doc, String css) {
        if (css == null || css.isBlank()) {
            return null;
        }
        Element e = doc.selectFirst(css);
        if (e == null) {
            return null;
        }
        String t = TextNormalizer.collapse(e.text());
        return t.isEmpty() ? null : t;
    }

    private OffsetDateTime selectDate(Document doc, String css, DateContext ctx) {
        if (css == null || css.isBlank()) {
            return null;
        }
        Element e = doc.selectFirst(css);
        if (e == null) {
            return null;
        }
        for (String v : List.of(e.attr("datetime"), e.attr("content"), e.text())) {
            Optional<OffsetDateTime> t = dates.parseValue(v, ctx).or(() -> dates.find(v, ctx));
            if (t.isPresent()) {
                return t.get();
            }
        }
        return null;
    }
}
