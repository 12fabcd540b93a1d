package io.chipwatch.html;

import io.chipwatch.model.Article;
import io.chipwatch.model.ExtractionException;
import io.chipwatch.model.RawPage;
import io.chipwatch.text.PlainTextArticleExtractor;

import java.util.regex.Pattern;

/**
 * Bytes to {@link Article}, for HTML pages and plain-text articles alike. Never throws anything
 * but {@link ExtractionException} for bad input: empty, binary, no article text.
 *
 * <p>Immutable and thread-safe: create one and share it.
 */
public final class ArticleExtractor {

    private static final Pattern HTML_MARKUP = Pattern.compile(
            "<(?:!doctype|html|head|body|meta|title|div|p|span|article|section|br|table|td|a|h[1-6]|ul|li|script|style|img|font|center)[\\s>/]",
            Pattern.CASE_INSENSITIVE);
    private static final int SNIFF_CHARS = 8192;

    private final CharsetResolver charsets = new CharsetResolver();
    private final HtmlArticleExtractor html;
    private final PlainTextArticleExtractor text = new PlainTextArticleExtractor();

    public ArticleExtractor(SiteRules siteRules) {
        this.html = new HtmlArticleExtractor(siteRules);
    }

    /** An extractor with the site rules shipped in the models module. */
    public static ArticleExtractor withDefaults() {
        return new ArticleExtractor(SiteRules.defaults());
    }

    public Article extract(RawPage page) throws ExtractionException {
        byte[] bytes = page.bytes();
        if (bytes.length == 0) {
            throw new ExtractionException("empty input");
        }
        if (looksBinary(bytes)) {
            throw new ExtractionException("input is binary, not text or HTML (" + bytes.length + " bytes)");
        }
        DecodedPage decoded = charsets.decode(bytes, page.header("content-type"));
        String sniff = decoded.text().length() > SNIFF_CHARS ? decoded.text().substring(0, SNIFF_CHARS) : decoded.text();
        try {
            if (HTML_MARKUP.matcher(sniff).find()) {
                return html.extract(decoded.text(), page, decoded.charset().name());
            }
            return text.extract(decoded.text(), page, decoded.charset().name());
        } catch (ExtractionException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            // A bug or a pathological page must cost one record, not the batch.
            throw new ExtractionException("extraction failed: " + e, e);
        }
    }

    /** NUL bytes or many control characters in the first kilobytes: an image, archive or executable. */
    static boolean looksBinary(byte[] bytes) {
        int n = Math.min(bytes.length, 8192);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                // UTF-16 text has NULs too, but then it starts with a byte-order mark.
                boolean utf16Bom = bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
                        || (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF);
                if (!utf16Bom) {
                    return true;
                }
            } else if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B)) {
                control++;
            }
        }
        return control * 20 > n;
    }
}
