package io.chipwatch.crawl;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a URL may be fetched at all: http or https only, and never an address inside our own network
 * (loopback, private, link-local including cloud metadata, CGNAT, multicast) unless {@code crawler.allow} names
 * the host, the address or a range holding it.
 *
 * <p>The check resolves the host itself and the HTTP client resolves it again when connecting, so a name whose
 * DNS answer changes between the two (rebinding) is not caught; fixed public sites are the threat model here.
 * Thread-safe: immutable after construction.
 */
final class AddressGuard {

    /** Ranges the JDK's {@code InetAddress.isXxx} tests do not cover. */
    private static final List<CidrRange> INTERNAL = List.of(
            CidrRange.of("0.0.0.0/8"),        // "this network"; 0.0.0.0 reaches the local host on Linux
            CidrRange.of("100.64.0.0/10"),    // carrier-grade NAT, used by some clouds for internal services
            CidrRange.of("fc00::/7"),         // IPv6 unique local (isSiteLocalAddress only knows fec0::/10)
            CidrRange.of("255.255.255.255/32"));

    /** Why a URL may not be fetched; {@code blocked} false means the host could not be resolved. */
    record Refusal(boolean blocked, String reason) {
    }

    private final Set<String> allowedHosts = new HashSet<>();
    private final List<CidrRange> allowedRanges = new ArrayList<>();
    private final HostResolver resolver;

    AddressGuard(List<String> allow, HostResolver resolver) {
        this.resolver = resolver;
        for (String entry : allow) {
            CidrRange.parse(entry).ifPresentOrElse(allowedRanges::add,
                    () -> allowedHosts.add(entry.trim().toLowerCase(Locale.ROOT)));
        }
    }

    /** @return empty when the URL may be fetched */
    Optional<Refusal> check(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return blocked("scheme '" + scheme + "' of " + url + " is not fetched; only http and https are");
        }
        String host = url.getHost();
        if (host == null || host.isEmpty()) {
            return blocked(url + " has no host");
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (allowedHosts.contains(bare.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            return Optional.of(new Refusal(false, "cannot resolve host " + bare));
        }
        // Every address must pass: the client may connect to any of them.
        for (InetAddress address : addresses) {
            String kind = internalKind(address);
            if (kind != null && allowedRanges.stream().noneMatch(range -> range.contains(address))) {
                String what = address.getHostAddress().equalsIgnoreCase(bare)
                        ? address.getHostAddress() + " is a " + kind + " address"
                        : "host " + bare + " resolves to " + address.getHostAddress() + ", a " + kind + " address";
                return blocked(what + "; add it to crawler.allow to fetch it");
            }
        }
        return Optional.empty();
    }

    private static Optional<Refusal> blocked(String reason) {
        return Optional.of(new Refusal(true, reason));
    }

    /** @return what kind of internal address this is, or null for a public one */
    static String internalKind(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return "loopback";
        }
        if (address.isAnyLocalAddress()) {
            return "wildcard";
        }
        if (address.isLinkLocalAddress()) {
            return "link-local";
        }
        if (address.isSiteLocalAddress()) {
            return "private";
        }
        if (address.isMulticastAddress()) {
            return "multicast";
        }
        for (CidrRange range : INTERNAL) {
            if (range.contains(address)) {
                return "reserved";
            }
        }
        return null;
    }
}
