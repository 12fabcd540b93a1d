package io.chipwatch.crawl;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.chipwatch.html.CharsetResolver;
import org.jsoup.Jsoup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the entries of an RSS or Atom document (Rome) as discovered links. Stateless. */
final class FeedReader {

    private static final Logger log = LoggerFactory.getLogger(FeedReader.class);

    /** An HTML page where a feed was expected: WAF challenges, "data service" shells, moved feeds. */
    private static final Pattern HTML_START = Pattern.compile("^\\s*(<!--.*?-->\\s*)*<(!doctype\\s+html|html[\\s>])",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    List<DiscoveredLink> read(byte[] body, String contentType, URI base) throws DiscoveryException {
        String text = decode(body, contentType);
        if (HTML_START.matcher(text.length() > 4096 ? text.substring(0, 4096) : text).find()) {
            String title = Jsoup.parse(text).title();
            throw new DiscoveryException("not a feed: " + base + " answered with an HTML page"
                    + (title.isBlank() ? "" : " titled '" + title + "'") + " (content type " + contentType + ")");
        }
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput();
            input.setAllowDoctypes(false);
            feed = input.build(new StringReader(text));
        } catch (FeedException | IllegalArgumentException e) {
            throw new DiscoveryException("not a feed: " + base + " could not be read as RSS or Atom: " + e.getMessage(), e);
        }
        List<DiscoveredLink> links = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            Optional<URI> url = ListingUrls.resolve(base, link(entry));
            if (url.isEmpty()) {
                log.debug("Feed {} has an entry without a usable link: '{}'", base, entry.getTitle());
                continue;
            }
            links.add(new DiscoveredLink(url.get(), clean(entry.getTitle()), published(entry), summary(entry)));
        }
        return links;
    }

    /**
     * The feed as text, in the encoding XmlReader settles on from the header, BOM and XML prolog.
     * Two repairs on top: a GB2312 label decodes as GB18030 (sites declare it over GBK bytes), and a
     * single-byte label (DIGITIMES declares us-ascii) over valid UTF-8 bytes reads as UTF-8.
     */
    static String decode(byte[] body, String contentType) {
        String label;
        try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
            label = reader.getEncoding();
        } catch (IOException e) {
            label = null;
        }
        Charset charset = Optional.ofNullable(CharsetResolver.forLabel(label)).orElse(StandardCharsets.UTF_8);
        if (!charset.equals(StandardCharsets.UTF_8) && isSingleByte(charset) && hasHighBytes(body)
                && decodesCleanly(body, StandardCharsets.UTF_8)) {
            log.debug("Feed declares {} but holds UTF-8; reading it as UTF-8", label);
            charset = StandardCharsets.UTF_8;
        }
        String text = new String(body, charset);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String link(SyndEntry entry) {
        if (entry.getLink() != null && !entry.getLink().isBlank()) {
            return entry.getLink();
        }
        for (SyndLink l : entry.getLinks()) {
            if (l.getHref() != null && (l.getRel() == null || l.getRel().equals("alternate"))) {
                return l.getHref();
            }
        }
        // RSS guids with isPermaLink and Atom ids are often the article URL
        String uri = entry.getUri();
        return uri != null && uri.regionMatches(true, 0, "http", 0, 4) ? uri : null;
    }

    private static Instant published(SyndEntry entry) {
        Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        return date == null ? null : date.toInstant();
    }

    /** Full content (content:encoded, Atom content) beats the description, which is often a teaser. */
    private static String summary(SyndEntry entry) {
        for (SyndContent content : entry.getContents()) {
            String text = plain(content);
            if (text != null) {
                return text;
            }
        }
        return plain(entry.getDescription());
    }

    private static String plain(SyndContent content) {
        if (content == null || content.getValue() == null) {
            return null;
        }
        return clean(Jsoup.parse(content.getValue()).text());
    }

    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    private static boolean isSingleByte(Charset c) {
        String n = c.name().toLowerCase(Locale.ROOT);
        return n.equals("us-ascii") || n.startsWith("iso-8859") || n.startsWith("windows-125");
    }

    private static boolean hasHighBytes(byte[] body) {
        for (byte b : body) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean decodesCleanly(byte[] body, Charset charset) {
        try {
            charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
