package io.chipwatch.html;

import org.mozilla.universalchardet.UniversalDetector;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses the charset of a page and decodes it.
 *
 * <p>Order: a byte-order mark (authoritative, as in the WHATWG encoding standard), the HTTP
 * {@code Content-Type} header, a {@code <meta>} declaration or XML prolog, then statistical
 * detection (juniversalchardet). A declaration is only trusted when the bytes decode cleanly
 * with it: Chinese sites often declare {@code gb2312} over UTF-8 bytes or the reverse, and
 * bytes that are valid multi-byte UTF-8 are almost never anything else. GB2312 and GBK are
 * decoded as GB18030, their superset; Big5 as Big5-HKSCS for Hong Kong characters.
 *
 * <p>Thread-safe and stateless.
 */
public final class CharsetResolver {

    static final Charset GB18030 = Charset.forName("GB18030");
    static final Charset BIG5_HKSCS = Charset.forName("Big5-HKSCS");

    /** How far into a page a {@code <meta>} charset declaration is looked for. */
    private static final int META_SCAN_BYTES = 16 * 1024;
    /** How many bytes the statistical detector reads; enough for a confident guess. */
    private static final int DETECT_BYTES = 256 * 1024;

    private static final Pattern HEADER_CHARSET =
            Pattern.compile("charset\\s*=\\s*[\"']?([A-Za-z0-9_.:\\-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:\\-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern XML_ENCODING = Pattern.compile(
            "<\\?xml[^>]+encoding\\s*=\\s*[\"']([A-Za-z0-9_.:\\-]+)", Pattern.CASE_INSENSITIVE);

    public DecodedPage decode(byte[] bytes, String contentTypeHeader) {
        DecodedPage bom = decodeByBom(bytes);
        if (bom != null) {
            return bom;
        }
        boolean multiByteUtf8 = isValidUtf8WithMultiByte(bytes);

        Charset declared = fromHeader(contentTypeHeader);
        String reason = "header";
        if (declared == null) {
            declared = fromMeta(bytes);
            reason = "meta";
        }
        if (declared != null) {
            if (multiByteUtf8 && !declared.equals(StandardCharsets.UTF_8)) {
                // Legacy multi-byte text is practically never valid UTF-8; the declaration is wrong.
                return new DecodedPage(new String(bytes, StandardCharsets.UTF_8), StandardCharsets.UTF_8, "utf-8 check");
            }
            if (!isSingleByteLatin(declared) && decodesCleanly(bytes, declared)) {
                return new DecodedPage(new String(bytes, declared), declared, reason);
            }
            Charset detected = detect(bytes);
            if (detected != null && decodesCleanly(bytes, detected)) {
                return new DecodedPage(new String(bytes, detected), detected, "detected");
            }
            return new DecodedPage(new String(bytes, declared), declared, reason);
        }
        if (multiByteUtf8 || isAscii(bytes)) {
            return new DecodedPage(new String(bytes, StandardCharsets.UTF_8), StandardCharsets.UTF_8,
                    multiByteUtf8 ? "utf-8 check" : "default");
        }
        Charset detected = detect(bytes);
        if (detected != null) {
            return new DecodedPage(new String(bytes, detected), detected, "detected");
        }
        // Undeclared, undetectable, not UTF-8: on the Chinese web that is nearly always GBK.
        return new DecodedPage(new String(bytes, GB18030), GB18030, "default");
    }

    /** Maps a declared charset label to the charset used to decode it, or null if unknown. */
    public static Charset forLabel(String label) {
        if (label == null || label.isBlank()) {
            return null;
        }
        String l = label.trim().toLowerCase(Locale.ROOT);
        switch (l) {
            case "gb2312", "gbk", "x-gbk", "gb_2312-80", "euc-cn", "cp936", "windows-936", "ms936", "gb18030", "x-euc-cn", "hz-gb-2312":
                return GB18030;
            case "big5", "big-5", "big5-hkscs", "x-x-big5", "cn-big5", "cp950", "x-windows-950":
                return BIG5_HKSCS;
            case "utf8", "unicode-1-1-utf-8":
                return StandardCharsets.UTF_8;
            default:
                break;
        }
        try {
            return Charset.forName(l);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    private static DecodedPage decodeByBom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return new DecodedPage(new String(b, 3, b.length - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8, "bom");
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return new DecodedPage(new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE, "bom");
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return new DecodedPage(new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE, "bom");
        }
        return null;
    }

    private static Charset fromHeader(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = HEADER_CHARSET.matcher(contentType);
        return m.find() ? forLabel(m.group(1)) : null;
    }

    private static Charset fromMeta(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, META_SCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        while (m.find()) {
            Charset c = forLabel(m.group(1));
            if (c != null) {
                return c;
            }
        }
        Matcher x = XML_ENCODING.matcher(head);
        return x.find() ? forLabel(x.group(1)) : null;
    }

    private static Charset detect(byte[] bytes) {
        UniversalDetector detector = new UniversalDetector(null);
        detector.handleData(bytes, 0, Math.min(bytes.length, DETECT_BYTES));
        detector.dataEnd();
        return forLabel(detector.getDetectedCharset());
    }

    private static boolean decodesCleanly(byte[] bytes, Charset charset) {
        try {
            charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean isSingleByteLatin(Charset c) {
        String n = c.name().toLowerCase(Locale.ROOT);
        return n.startsWith("iso-8859") || n.startsWith("windows-125") || n.equals("us-ascii");
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /** True when the bytes are well-formed UTF-8 and contain at least one multi-byte sequence. */
    static boolean isValidUtf8WithMultiByte(byte[] b) {
        boolean multi = false;
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xFF;
            int n;
            if (c < 0x80) {
                i++;
                continue;
            } else if (c >= 0xC2 && c <= 0xDF) {
                n = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                n = 2;
            } else if (c >= 0xF0 && c <= 0xF4) {
                n = 3;
            } else {
                return false;
            }
            if (i + n >= b.length) {
                // A sequence cut by the end of a truncated page still counts as UTF-8.
                return multi;
            }
            for (int k = 1; k <= n; k++) {
                if ((b[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            multi = true;
            i += n + 1;
        }
        return multi;
    }
}
