package io.chipwatch.html;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.Locale;

/**
 * CSS selectors for one site where the generic extractor is wrong. Any selector may be null;
 * a field whose selector matches nothing falls back to the generic extractor.
 *
 * @param hosts     host names this rule applies to; a rule for {@code qq.com} also covers {@code new.qq.com}
 * @param title     the headline element
 * @param body      the article body element(s)
 * @param published the element whose text (or {@code datetime}/{@code content}) holds the publication time
 * @param author    the author element
 * @param source    the outlet or account element
 * @param remove    elements to delete from the body before reading it
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record SiteRule(
        @JsonProperty("hosts") List<String> hosts,
        @JsonProperty("title") String title,
        @JsonProperty("body") String body,
        @JsonProperty("published") String published,
        @JsonProperty("author") String author,
        @JsonProperty("source") String source,
        @JsonProperty("remove") List<String> remove) {

    public SiteRule {
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
        remove = remove == null ? List.of() : List.copyOf(remove);
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("site rule without hosts");
        }
    }

    boolean appliesTo(String host) {
        if (host == null) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        for (String rule : hosts) {
            String r = rule.toLowerCase(Locale.ROOT);
            if (h.equals(r) || h.endsWith("." + r)) {
                return true;
            }
        }
        return false;
    }
}
