package io.chipwatch.crawl;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 address range such as {@code 10.0.0.0/8}; a bare address is a range of one.
 *
 * @param network the range's first address bytes (4 or 16)
 * @param bits    prefix length
 */
record CidrRange(byte[] network, int bits) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    CidrRange {
        network = network.clone();
        if (bits < 0 || bits > network.length * 8) {
            throw new IllegalArgumentException("prefix /" + bits + " does not fit a " + network.length * 8 + "-bit address");
        }
    }

    /** Parses an address or CIDR; empty when the text is a host name rather than an address. */
    static Optional<CidrRange> parse(String text) {
        String trimmed = text.trim();
        int slash = trimmed.indexOf('/');
        String address = slash < 0 ? trimmed : trimmed.substring(0, slash);
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        // Only literals go to InetAddress, which would otherwise do a DNS lookup on a host name.
        if (!IPV4.matcher(address).matches() && !address.contains(":")) {
            if (slash >= 0) {
                throw new IllegalArgumentException("'" + text + "' is not a CIDR range");
            }
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address", e);
        }
        int bits = slash < 0 ? bytes.length * 8 : Integer.parseInt(trimmed.substring(slash + 1));
        return Optional.of(new CidrRange(bytes, bits));
    }

    static CidrRange of(String cidr) {
        return parse(cidr).orElseThrow(() -> new IllegalArgumentException("'" + cidr + "' is not an address"));
    }

    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int whole = bits / 8;
        for (int i = 0; i < whole; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (candidate[whole] & mask) == (network[whole] & mask);
    }

    @Override
    public byte[] network() {
        return network.clone();
    }
}
