package io.chipwatch.text;

import io.chipwatch.model.Article;
import io.chipwatch.model.ExtractionException;
import io.chipwatch.model.Ids;
import io.chipwatch.model.RawPage;
import io.chipwatch.time.ChineseDateTimeParser;
import io.chipwatch.time.DateContext;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A plain-text article: the first line is the title; metadata lines just below it
 * ("发布时间：…", "作者：…", "来源：…") fill the fields; the rest is the body, with trailing
 * disclaimers and contact lines removed as for HTML. Stateless and thread-safe.
 */
public final class PlainTextArticleExtractor {

    private static final Pattern PUBLISHED_LABEL = Pattern.compile("^(?:发布时间|发表时间|發佈時間|发布日期|时间|日期|发布于|发表于)\\s*[：:]?");
    private static final int HEADER_LINES = 6;

    private final ChineseDateTimeParser dates = new ChineseDateTimeParser();
    private final BylineParser bylines = new BylineParser();
    private final LanguageGuesser languages = new LanguageGuesser();

    public Article extract(String text, RawPage page, String charset) throws ExtractionException {
        List<String> lines = new ArrayList<>();
        for (String raw : text.split("\\R")) {
            String line = TextNormalizer.collapse(raw);
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        if (lines.isEmpty()) {
            throw new ExtractionException("no text in input");
        }
        String title = lines.get(0);
        DateContext ctx = DateContext.at(page.fetchedAt());
        OffsetDateTime published = null;
        String author = null;
        String source = null;
        List<String> body = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (i <= HEADER_LINES && line.length() <= 80) {
                if (published == null && PUBLISHED_LABEL.matcher(line).find()) {
                    Optional<OffsetDateTime> t = dates.find(line, ctx);
                    if (t.isPresent()) {
                        published = t.get();
                        author = author != null ? author : bylines.author(line).orElse(null);
                        source = source != null ? source : bylines.source(line).orElse(null);
                        continue;
                    }
                }
                if (MetaLines.isMetaLine(line) || Boilerplate.isBoilerplateLine(line)) {
                    author = author != null ? author : bylines.author(line).orElse(null);
                    source = source != null ? source : bylines.source(line).orElse(null);
                    if (published == null) {
                        published = dates.find(line, ctx).orElse(null);
                    }
                    continue;
                }
            }
            body.add(line);
        }
        List<String> paragraphs = Boilerplate.clean(body);
        String joined = String.join("\n", paragraphs);
        if (joined.isEmpty()) {
            throw new ExtractionException("no article text after the title line");
        }
        String url = page.url() == null ? null : page.url().toString();
        String id = url != null ? Ids.sha1(url) : Ids.sha1(page.bytes());
        return new Article(id, url, url, title, published, author, source, languages.guess(joined), joined, charset);
    }
}
