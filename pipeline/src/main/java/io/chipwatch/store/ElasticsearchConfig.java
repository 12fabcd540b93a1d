package io.chipwatch.store;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where and how to reach Elasticsearch. Secrets (API key, password) belong in the environment
 * of the process, not in files (io.chipwatch.config reads them there), and {@link #toString}
 * never shows them, so the config may be logged.
 *
 * @param urls          one or more node URLs (http or https), without credentials
 * @param apiKey        the encoded API key (base64 of id:secret, as Elasticsearch hands it out), or null
 * @param username      basic-auth user, or null
 * @param password      basic-auth password, or null
 * @param caCertificate a PEM file with the CA certificate(s) to trust for https, or null for the JDK's
 * @param insecureTls   trust any certificate and host name (a test cluster with a self-signed certificate only)
 * @param indexPrefix   the aliases are PREFIX-articles, PREFIX-figures, PREFIX-events
 * @param attempts      how often a request is tried when the cluster is unreachable or overloaded (429/5xx)
 * @param backoff       the wait before the second attempt; it doubles for each further one
 */
public record ElasticsearchConfig(List<URI> urls, String apiKey, String username, String password,
                                  Path caCertificate, boolean insecureTls, String indexPrefix,
                                  int attempts, Duration backoff) {

    public static final String DEFAULT_INDEX_PREFIX = "chipwatch";
    // Index names must be lower case and must not start with - _ +.
    private static final Pattern PREFIX = Pattern.compile("[a-z0-9][a-z0-9_.-]*");

    public ElasticsearchConfig {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("at least one Elasticsearch URL is required");
        }
        for (URI url : urls) {
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
                throw new IllegalArgumentException("an Elasticsearch URL needs http(s)://host[:port], not " + url.getScheme() + "://" + url.getHost());
            }
            if (url.getUserInfo() != null) {
                // The URL would end up in log lines and error messages, and the password with it.
                throw new IllegalArgumentException("put credentials in the username/password settings, not in the URL of " + url.getHost());
            }
        }
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("username and password go together");
        }
        if (indexPrefix == null || !PREFIX.matcher(indexPrefix).matches()) {
            throw new IllegalArgumentException("the index prefix must be lower-case letters, digits, _ . - : " + indexPrefix);
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1, not " + attempts);
        }
        if (backoff == null || backoff.isNegative()) {
            throw new IllegalArgumentException("backoff must be zero or positive");
        }
    }

    /** No authentication, the JDK's trusted CAs, prefix {@code chipwatch}, 3 attempts from 500 ms. */
    public static ElasticsearchConfig of(String... urls) {
        List<URI> parsed = new ArrayList<>();
        for (String url : urls) {
            parsed.add(URI.create(url.strip()));
        }
        return new ElasticsearchConfig(parsed, null, null, null, null, false, DEFAULT_INDEX_PREFIX, 3, Duration.ofMillis(500));
    }

    public ElasticsearchConfig withIndexPrefix(String prefix) {
        return new ElasticsearchConfig(urls, apiKey, username, password, caCertificate, insecureTls, prefix, attempts, backoff);
    }

    public ElasticsearchConfig withRetries(int attempts, Duration backoff) {
        return new ElasticsearchConfig(urls, apiKey, username, password, caCertificate, insecureTls, indexPrefix, attempts, backoff);
    }

    public ElasticsearchConfig withApiKey(String apiKey) {
        return new ElasticsearchConfig(urls, apiKey, username, password, caCertificate, insecureTls, indexPrefix, attempts, backoff);
    }

    public ElasticsearchConfig withBasicAuth(String username, String password) {
        return new ElasticsearchConfig(urls, apiKey, username, password, caCertificate, insecureTls, indexPrefix, attempts, backoff);
    }

    public ElasticsearchConfig withTls(Path caCertificate, boolean insecureTls) {
        return new ElasticsearchConfig(urls, apiKey, username, password, caCertificate, insecureTls, indexPrefix, attempts, backoff);
    }

    /** Says whether secrets are set, never what they are. */
    @Override
    public String toString() {
        return "ElasticsearchConfig[urls=" + urls + ", apiKey=" + (apiKey == null ? "none" : "***")
                + ", username=" + (username == null ? "none" : username) + ", password=" + (password == null ? "none" : "***")
                + ", caCertificate=" + caCertificate + ", insecureTls=" + insecureTls + ", indexPrefix=" + indexPrefix
                + ", attempts=" + attempts + ", backoff=" + backoff + "]";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
