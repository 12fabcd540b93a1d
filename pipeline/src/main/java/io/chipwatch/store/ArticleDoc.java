package io.chipwatch.store;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An article as indexed for search ({@code chipwatch-articles}).
 *
 * @param id        the article id (sha-1 of the canonical URL), the document id
 * @param url       canonical URL, or null
 * @param title     headline, or null
 * @param published publication time, or null
 * @param author    byline, or null
 * @param source    outlet, or null
 * @param lang      language of the body
 * @param body      the text
 * @param entities  canonical names of the entities the article names (keyword facet)
 * @param aliases   every alias of those entities, so a search for NVIDIA finds 英伟达 (keyword)
 */
public record ArticleDoc(String id, String url, String title, OffsetDateTime published, String author,
                         String source, String lang, String body, List<String> entities, List<String> aliases) {

    public ArticleDoc {
        entities = List.copyOf(entities);
        aliases = List.copyOf(aliases);
    }
}
