package io.chipwatch.html;

import java.nio.charset.Charset;

/**
 * Page text with the charset it was decoded with and why that one was chosen.
 *
 * @param text    the decoded text, BOM removed
 * @param charset the charset used
 * @param reason  where the charset came from: "bom", "header", "meta", "detected", "utf-8 check", "default"
 */
public record DecodedPage(String text, Charset charset, String reason) {
}
