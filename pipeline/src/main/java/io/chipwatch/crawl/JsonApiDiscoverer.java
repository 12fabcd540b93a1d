package io.chipwatch.crawl;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chipwatch.html.CharsetResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Discovers articles from a JSON or JSONP list API, GET or POST. The items array is found by a
 * JSON pointer; each item's URL comes from a pointer or a template like
 * {@code https://example.com/a/{/id}.html}.
 */
public final class JsonApiDiscoverer implements Discoverer {

    private static final Logger log = LoggerFactory.getLogger(JsonApiDiscoverer.class);

    private static final Pattern TEMPLATE_FIELD = Pattern.compile("\\{(/[^}]*)}");

    private final ValidatorStore validators;
    private final ObjectMapper json = new ObjectMapper();
    private final CharsetResolver charsets = new CharsetResolver();

    public JsonApiDiscoverer() {
        this(ValidatorStore.NONE);
    }

    public JsonApiDiscoverer(ValidatorStore validators) {
        this.validators = validators;
    }

    @Override
    public List<DiscoveredLink> discover(Discovery discovery, PageFetcher fetcher) throws DiscoveryException, InterruptedException {
        ListingFetcher listings = new ListingFetcher(fetcher, validators);
        int pages = PageNumbers.numbered(discovery.url(), discovery.body()) ? discovery.pages() : 1;
        List<DiscoveredLink> links = new ArrayList<>();
        for (int page = 1; page <= pages; page++) {
            URI url = ListingUrls.parse(PageNumbers.fill(discovery.url(), page));
            Optional<FetchResult> result = listings.fetch(request(discovery, url, page));
            if (result.isEmpty()) {
                break; // unchanged or failed: later pages are older still
            }
            List<DiscoveredLink> found = items(result.get(), discovery);
            if (found.isEmpty()) {
                break; // past the last page
            }
            links.addAll(found);
        }
        return LinkFilter.matching(discovery, links);
    }

    private static FetchRequest request(Discovery discovery, URI url, int page) {
        String method = discovery.method() == null ? "GET" : discovery.method().toUpperCase(Locale.ROOT);
        String body = PageNumbers.fill(discovery.body(), page);
        Map<String, String> headers = new HashMap<>(discovery.headers());
        if (body != null && headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("content-type"))) {
            headers.put("Content-Type", "application/json;charset=UTF-8");
        }
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        return new FetchRequest(url, method, headers, bytes, null, null);
    }

    private List<DiscoveredLink> items(FetchResult result, Discovery discovery) throws DiscoveryException {
        String text = Jsonp.unwrap(charsets.decode(result.body(), result.header("content-type")).text());
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JsonProcessingException e) {
            String start = text.length() > 80 ? text.substring(0, 80) + "…" : text;
            throw new DiscoveryException("not JSON: " + result.finalUrl() + " answered '" + start + "'", e);
        }
        String itemsPointer = discovery.items() == null ? "" : discovery.items();
        JsonNode items = root.at(pointer(itemsPointer, "items"));
        if (!items.isArray()) {
            throw new DiscoveryException("no array at items pointer '" + itemsPointer + "' in " + result.finalUrl()
                    + " (found " + items.getNodeType() + ")");
        }
        List<DiscoveredLink> links = new ArrayList<>();
        for (JsonNode item : items) {
            Optional<URI> url = url(item, discovery).flatMap(u -> ListingUrls.resolve(result.finalUrl(), u));
            if (url.isEmpty()) {
                log.debug("Item without a usable URL in {}: {}", result.finalUrl(), item);
                continue;
            }
            links.add(new DiscoveredLink(url.get(), text(item, discovery.titleField()), date(item, discovery.dateField()), null));
        }
        return links;
    }

    private static Optional<String> url(JsonNode item, Discovery discovery) throws DiscoveryException {
        if (discovery.urlField() != null) {
            return Optional.ofNullable(text(item, discovery.urlField()));
        }
        Matcher m = TEMPLATE_FIELD.matcher(discovery.urlTemplate());
        StringBuilder url = new StringBuilder();
        while (m.find()) {
            String value = text(item, m.group(1));
            if (value == null) {
                return Optional.empty();
            }
            m.appendReplacement(url, Matcher.quoteReplacement(value));
        }
        m.appendTail(url);
        return Optional.of(url.toString());
    }

    private static String text(JsonNode item, String pointer) throws DiscoveryException {
        if (pointer == null) {
            return null;
        }
        JsonNode node = item.at(pointer(pointer, "field"));
        if (node.isMissingNode() || node.isNull() || node.isContainerNode()) {
            return null;
        }
        String text = node.asText().strip();
        return text.isEmpty() ? null : text;
    }

    private static Instant date(JsonNode item, String pointer) throws DiscoveryException {
        if (pointer == null) {
            return null;
        }
        JsonNode node = item.at(pointer(pointer, "date_field"));
        if (node.isIntegralNumber()) {
            return ListingDates.fromEpoch(node.asLong());
        }
        return ListingDates.parse(text(item, pointer)).orElse(null);
    }

    private static JsonPointer pointer(String pointer, String what) throws DiscoveryException {
        try {
            return JsonPointer.compile(pointer);
        } catch (IllegalArgumentException e) {
            throw new DiscoveryException(what + " '" + pointer + "' is not a JSON pointer (it must start with '/')", e);
        }
    }
}
