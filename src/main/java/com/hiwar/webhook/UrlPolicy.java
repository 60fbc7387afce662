package com.hiwar.webhook;

import com.hiwar.problem.ProblemException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where webhooks may go. A receiver's URL is the admin's, but the address its name resolves to
 * is whoever runs its DNS: so the address is checked when the endpoint is saved and again at
 * every delivery, and the delivery connects to exactly the address that was checked (no second
 * lookup an attacker could answer differently). Only public addresses over https, unless an
 * admin allow-listed the host, which then may also use http.
 */
final class UrlPolicy {

    /** A delivery's target refused at send time. */
    static final class Blocked extends Exception {
        Blocked(String message) {
            super(message);
        }
    }

    private final Set<String> allowed;

    UrlPolicy(List<String> allowedHosts) {
        this.allowed = allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** An endpoint URL as an admin enters it; a 422 problem naming the rule it breaks otherwise. */
    URI check(String url) {
        if (url == null || url.isBlank() || url.length() > 2000) {
            throw ProblemException.invalid("url", "an https URL of at most 2000 characters is required");
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw ProblemException.invalid("url", "is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = host(uri);
        if (host == null || !uri.isAbsolute() || uri.getRawAuthority() == null) {
            throw ProblemException.invalid("url", "must be absolute, with a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw ProblemException.invalid("url", "must not carry credentials; the signature proves the sender");
        }
        if (uri.getRawFragment() != null) {
            throw ProblemException.invalid("url", "must not have a fragment");
        }
        boolean allowListed = allowed.contains(host);
        if (!scheme.equals("https") && !(scheme.equals("http") && allowListed)) {
            throw ProblemException.invalid("url", "must use https (http only for hosts an admin allow-listed)");
        }
        try {
            resolve(uri);
        } catch (Blocked e) {
            throw ProblemException.invalid("url", e.getMessage());
        }
        return uri;
    }

    /** The address to connect to for {@code uri}: its first, when every address it has is allowed. */
    InetAddress resolve(URI uri) throws Blocked {
        String host = host(uri);
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new Blocked("the host " + host + " does not resolve");
        }
        if (!allowed.contains(host)) {
            for (InetAddress a : addresses) { // one internal answer is enough to refuse: the next lookup may prefer it
                if (internal(a)) {
                    throw new Blocked("the host " + host + " resolves to " + a.getHostAddress()
                            + ", inside the network (allow-list the host to permit it)");
                }
            }
        }
        return addresses[0];
    }

    private static String host(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return null;
        }
        host = host.toLowerCase(Locale.ROOT);
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** Not on the public internet: loopback, private, link-local (cloud metadata), shared, reserved, multicast. */
    static boolean internal(InetAddress a) {
        if (a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return true; // unique local fc00::/7
            }
            boolean mapped = Arrays.equals(Arrays.copyOf(b, 12), new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff});
            boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
            if (mapped || nat64) {
                try {
                    return internal(InetAddress.getByAddress(Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException impossible) {
                    return true;
                }
            }
            return false;
        }
        if (a instanceof Inet4Address) {
            int first = b[0] & 0xff, second = b[1] & 0xff;
            return first == 0 // "this network"
                    || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19)) // benchmarking
                    || first >= 240; // reserved and broadcast
        }
        return true;
    }
}
