package io.chipwatch.crawl;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One spelling per article URL, so that the same article reached from a feed, a list page and a
 * share link is seen once: lower-case scheme and host, no default port, no fragment, dot segments
 * resolved, tracking parameters removed, the remaining parameters sorted. The path keeps its case
 * (servers treat it as case-sensitive). Immutable and thread-safe.
 */
public final class UrlCanonicalizer {

    /**
     * Parameters that say how a reader arrived, not which article they read. An entry ending in
     * {@code *} is a prefix. Deliberately absent: id, aid, p, page and the like, which pick the
     * article; WeChat's __biz, mid, idx and sn, which identify an mp.weixin.qq.com article.
     * <ul>
     *   <li>campaign tags: utm_*, gclid, dclid, gbraid, wbraid, fbclid, msclkid, yclid, igshid, mc_cid, mc_eid, _hsenc, _hsmi</li>
     *   <li>Chinese portals and apps: spm (Alibaba/UC), from, source, share_*, wfr (Baidu), ivk_sa (Sina),
     *       tt_from, tt_medium (Toutiao), vd_source (Bilibili), sharesource</li>
     *   <li>WeChat share decorations: scene, subscene, chksm, clicktime, enterid, sessionid, ascene,
     *       devicetype, nettype, pass_ticket, exportkey, wx_header, isappinstalled</li>
     * </ul>
     * Also kept, although sometimes noise: lang and version (they can pick a different text).
     */
    public static final List<String> DEFAULT_TRACKING_PARAMS = List.of(
            "utm_*", "gclid", "dclid", "gbraid", "wbraid", "fbclid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid",
            "_hsenc", "_hsmi",
            "spm", "from", "source", "share_*", "wfr", "ivk_sa", "tt_from", "tt_medium", "vd_source", "sharesource",
            "scene", "subscene", "chksm", "clicktime", "enterid", "sessionid", "ascene", "devicetype", "nettype",
            "pass_ticket", "exportkey", "wx_header", "isappinstalled");

    private final Set<String> exact;
    private final List<String> prefixes;

    public UrlCanonicalizer() {
        this(DEFAULT_TRACKING_PARAMS);
    }

    /** @param trackingParams parameter names to drop, case-insensitive; a trailing {@code *} makes a prefix */
    public UrlCanonicalizer(Collection<String> trackingParams) {
        this.exact = trackingParams.stream().filter(p -> !p.endsWith("*"))
                .map(p -> p.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.prefixes = trackingParams.stream().filter(p -> p.endsWith("*"))
                .map(p -> p.substring(0, p.length() - 1).toLowerCase(Locale.ROOT)).toList();
    }

    /**
     * @throws IllegalArgumentException if the text is not an absolute URL
     */
    public String canonicalize(String url) {
        try {
            return canonicalize(new URI(ListingUrls.escape(url.trim()))).toString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + url, e);
        }
    }

    /**
     * @throws IllegalArgumentException if the URI is not absolute and hierarchical
     */
    public URI canonicalize(URI url) {
        if (!url.isAbsolute() || url.isOpaque() || url.getRawAuthority() == null) {
            throw new IllegalArgumentException("not an absolute URL: " + url);
        }
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(scheme).append("://");
        if (url.getRawUserInfo() != null) {
            out.append(url.getRawUserInfo()).append('@');
        }
        String host = url.getHost();
        int port = url.getPort();
        if (host == null) {
            // URI gives no host for names with underscores (some CDN hosts); read the authority
            String hostPort = url.getRawAuthority().substring(url.getRawAuthority().indexOf('@') + 1);
            int colon = hostPort.lastIndexOf(':');
            boolean hasPort = colon > 0 && hostPort.substring(colon + 1).matches("\\d+");
            host = hasPort ? hostPort.substring(0, colon) : hostPort;
            port = hasPort ? Integer.parseInt(hostPort.substring(colon + 1)) : -1;
        }
        out.append(stripTrailingDot(host.toLowerCase(Locale.ROOT)));
        if (port != -1 && !(port == 80 && scheme.equals("http")) && !(port == 443 && scheme.equals("https"))) {
            out.append(':').append(port);
        }
        out.append(path(url.getRawPath()));
        String query = query(url.getRawQuery());
        if (!query.isEmpty()) {
            out.append('?').append(query);
        }
        return URI.create(out.toString());
    }

    /** True when a query parameter of this name is dropped. */
    public boolean isTracking(String param) {
        String p = param.toLowerCase(Locale.ROOT);
        return exact.contains(p) || prefixes.stream().anyMatch(p::startsWith);
    }

    private static String path(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        // normalize() keeps ".." that climb above the root; browsers drop them
        String path = URI.create("x:" + rawPath).normalize().getRawSchemeSpecificPart();
        while (path.startsWith("/../")) {
            path = path.substring(3);
        }
        if (path.equals("/..")) {
            path = "/";
        }
        return path.startsWith("/") ? path : "/" + path;
    }

    private String query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> params = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (!name.isEmpty() && !isTracking(name)) {
                params.add(new String[] {name, eq < 0 ? null : pair.substring(eq + 1)});
            }
        }
        params.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1], Comparator.nullsFirst(Comparator.naturalOrder())));
        return params.stream().map(p -> p[1] == null ? p[0] : p[0] + "=" + p[1]).collect(Collectors.joining("&"));
    }

    private static String stripTrailingDot(String host) {
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }
}
