package io.chipwatch.nlp;

import com.hankcs.hanlp.HanLP;

import java.util.regex.Pattern;

/**
 * Which currency a bare 元 means in an article. Taiwanese news writes its own dollar as plain
 * 元 and 億元 (聯電8月營收191.6億元), naming 新台幣 once or not at all; mainland news means the
 * renminbi. An article that names the renminbi anywhere keeps 元 as renminbi. Thread-safe.
 */
final class ArticleYuan {

    private static final Pattern RENMINBI = Pattern.compile("人民币|人民幣|(?<![A-Za-z])RMB(?![A-Za-z])");
    private static final Pattern TAIWAN_DOLLAR = Pattern.compile("新台币|新台幣|台币|台幣|NT\\$|(?<![A-Za-z])TWD(?![A-Za-z])");
    private static final Pattern HONG_KONG_DOLLAR = Pattern.compile("港元|港币|港幣|HK\\$");
    /** Enough text to tell the script by. */
    private static final int SAMPLE = 2000;

    private ArticleYuan() {
    }

    /** {@code TWD} when the article's bare 元 is the New Taiwan dollar, else null (renminbi as usual). */
    static String of(String body) {
        if (RENMINBI.matcher(body).find()) {
            return null;
        }
        if (TAIWAN_DOLLAR.matcher(body).find()) {
            return "TWD";
        }
        // Traditional script without renminbi or Hong Kong dollars named: Taiwanese usage
        return !HONG_KONG_DOLLAR.matcher(body).find() && isTraditional(body) ? "TWD" : null;
    }

    /** Whether more of the text's characters are Traditional-only forms than Simplified-only ones. */
    static boolean isTraditional(String body) {
        String head = body.substring(0, Math.min(body.length(), SAMPLE));
        String simplified = HanLP.convertToSimplifiedChinese(head);
        String traditional = HanLP.convertToTraditionalChinese(head);
        return changed(head, simplified) > changed(head, traditional);
    }

    private static int changed(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                count++;
            }
        }
        return count;
    }
}
