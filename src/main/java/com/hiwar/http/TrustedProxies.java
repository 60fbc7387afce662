package com.hiwar.http;

import io.netty.util.NetUtil;
import java.util.List;

/**
 * A set of CIDR ranges, IPv4 or IPv6. Addresses are parsed as literals only (Netty's
 * NetUtil), so a forged header can never trigger a DNS lookup.
 */
final class TrustedProxies {

    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }

    private final List<Range> ranges;

    TrustedProxies(List<String> cidrs) {
        this.ranges = cidrs.stream().map(String::trim).filter(s -> !s.isEmpty()).map(TrustedProxies::range).toList();
    }

    boolean isEmpty() {
        return ranges.isEmpty();
    }

    boolean contains(byte[] address) {
        if (address == null) {
            return false;
        }
        for (Range r : ranges) {
            if (r.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static Range range(String cidr) {
        int slash = cidr.indexOf('/');
        byte[] network = parse(slash < 0 ? cidr : cidr.substring(0, slash));
        if (network == null) {
            throw new IllegalArgumentException("hiwar.http.trusted-proxies: not an IP address or CIDR range: " + cidr);
        }
        int prefix = network.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(cidr.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("hiwar.http.trusted-proxies: bad prefix length in " + cidr);
            }
        }
        return new Range(network, prefix);
    }

    /** The address bytes of an IP literal, IPv4-mapped IPv6 folded to IPv4; null if not a literal. */
    static byte[] parse(String literal) {
        String s = literal.trim();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        byte[] bytes = NetUtil.createByteArrayFromIpAddressString(s);
        if (bytes != null && bytes.length == 16 && isIpv4Mapped(bytes)) {
            return new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]};
        }
        return bytes;
    }

    private static boolean isIpv4Mapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }
}
