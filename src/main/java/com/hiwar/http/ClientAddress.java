package com.hiwar.http;

import io.netty.util.NetUtil;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The client's IP address for rate limits and abuse handling. X-Forwarded-For counts only when
 * the socket peer is a configured trusted proxy, and is then read right to left, skipping
 * trusted hops: the first untrusted address is the client. The left end is whatever the client
 * sent and is never believed on its own.
 */
@ApplicationScoped
public class ClientAddress {

    private final TrustedProxies proxies;

    @Inject
    CurrentVertxRequest current;

    @Inject
    public ClientAddress(HttpConfig config) {
        this.proxies = new TrustedProxies(config.trustedProxies().orElse(List.of()));
    }

    /** The current request's client address, as a canonical literal. */
    public String current() {
        return resolve(current.getCurrent().request());
    }

    /**
     * The key to count a client by: its address, or for IPv6 its /64 network, since one
     * subscriber usually holds a whole /64 and could otherwise rotate through it.
     */
    public String rateLimitKey() {
        return key(current());
    }

    /** {@link #rateLimitKey()} for a request outside JAX-RS (a plain Vert.x route). */
    public String rateLimitKey(HttpServerRequest request) {
        return key(resolve(request));
    }

    private static String key(String client) {
        byte[] address = TrustedProxies.parse(client);
        if (address == null) {
            return "unknown";
        }
        if (address.length == 16) {
            byte[] network = Arrays.copyOf(address, 16);
            Arrays.fill(network, 8, 16, (byte) 0);
            return NetUtil.bytesToIpAddress(network) + "/64";
        }
        return NetUtil.bytesToIpAddress(address);
    }

    String resolve(HttpServerRequest request) {
        String peer = request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
        return resolve(peer, request.headers().getAll("X-Forwarded-For"));
    }

    String resolve(String peer, List<String> forwardedFor) {
        byte[] peerBytes = peer == null ? null : TrustedProxies.parse(peer);
        if (peerBytes == null) {
            return peer == null ? "unknown" : peer;
        }
        String client = NetUtil.bytesToIpAddress(peerBytes);
        if (!proxies.contains(peerBytes)) {
            return client;
        }
        List<String> hops = new ArrayList<>();
        for (String header : forwardedFor) {
            for (String hop : header.split(",")) {
                hops.add(hop.trim());
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            byte[] hop = TrustedProxies.parse(stripPort(hops.get(i)));
            if (hop == null) {
                return client; // garbage: trust nothing further left
            }
            client = NetUtil.bytesToIpAddress(hop);
            if (!proxies.contains(hop)) {
                return client;
            }
        }
        return client;
    }

    /** "1.2.3.4:5678" and "[::1]:5678" carry a port some proxies add. */
    private static String stripPort(String hop) {
        if (hop.startsWith("[")) {
            int end = hop.indexOf(']');
            return end > 0 ? hop.substring(0, end + 1) : hop;
        }
        int colon = hop.indexOf(':');
        return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
    }
}
