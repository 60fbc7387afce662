package com.hiwar.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * X-Forwarded-For is believed only from trusted proxies, read right to left. The test profile
 * trusts 127.0.0.2 (a socket bound there plays the load balancer) and 2001:db8:ffff::/48;
 * ordinary test requests come from 127.0.0.1, an untrusted client. The dev sign-in, limited
 * per address at 5 a minute, shows which address a request was counted as.
 */
@QuarkusTest
class ClientAddressTest {

    @Inject
    RedisDataSource redis;

    private final ClientAddress resolver = new ClientAddress(new HttpConfig() {
        public long maxBodyBytes() {
            return 1;
        }

        public long maxAdminBodyBytes() {
            return 1;
        }

        public long maxImportBytes() {
            return 1;
        }

        public Optional<List<String>> trustedProxies() {
            return Optional.of(List.of("10.0.0.0/8", "2001:db8:ffff::/48"));
        }

        public java.time.Duration refuseBeforeClose() {
            return java.time.Duration.ZERO;
        }
    });

    @BeforeEach
    @AfterEach
    void forgetSignInCounts() {
        List<String> keys = redis.key().keys("rl:dev-sign-in:ip:*");
        if (!keys.isEmpty()) {
            redis.key().del(keys.toArray(String[]::new));
        }
    }

    @Test
    void aSpoofedHeaderFromAnUntrustedAddressChangesNothing() {
        for (int i = 1; i <= 5; i++) {
            given().header("X-Forwarded-For", "203.0.113." + i).post("/dev/sign-in").then().statusCode(200);
        }
        given().header("X-Forwarded-For", "198.51.100.77").post("/dev/sign-in").then().statusCode(429)
                .contentType("application/problem+json").header("RateLimit-Policy", "\"dev-sign-in/ip\";q=5;w=60");
        given().post("/dev/sign-in").then().statusCode(429);
        assertEquals(List.of("rl:dev-sign-in:ip:127.0.0.1"), redis.key().keys("rl:dev-sign-in:ip:*"));
    }

    @Test
    void aTrustedProxyForwardsTheClientAddress() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertEquals(200, viaProxy("203.0.113.9"));
        }
        assertEquals(429, viaProxy("203.0.113.9"));
        // A client forging its own header behind the proxy is still counted by the proxy's entry.
        assertEquals(429, viaProxy("192.0.2.1, 203.0.113.9"));
        assertEquals(200, viaProxy("203.0.113.10"));
        assertTrue(redis.key().exists("rl:dev-sign-in:ip:203.0.113.9"));
        assertTrue(redis.key().exists("rl:dev-sign-in:ip:203.0.113.10"));
        // The untrusted 127.0.0.1 was not charged for any of this.
        given().post("/dev/sign-in").then().statusCode(200);
    }

    @Test
    void ipv6ClientsAreCountedByTheirSlash64() throws Exception {
        for (int i = 1; i <= 5; i++) {
            assertEquals(200, viaProxy("2001:db8:1:2::" + i));
        }
        assertEquals(429, viaProxy("2001:db8:1:2:ffff:ffff:ffff:ffff"));
        assertEquals(200, viaProxy("2001:db8:1:3::1"));
        assertTrue(redis.key().exists("rl:dev-sign-in:ip:2001:db8:1:2::/64"));
    }

    @Test
    void forwardedForIsReadRightToLeftSkippingTrustedHops() {
        assertEquals("192.0.2.7", resolver.resolve("192.0.2.7", List.of("203.0.113.1")), "untrusted peer");
        assertEquals("203.0.113.1", resolver.resolve("10.1.1.1", List.of("203.0.113.1")));
        assertEquals("203.0.113.1", resolver.resolve("10.1.1.1", List.of("6.6.6.6, 203.0.113.1, 10.2.2.2")));
        assertEquals("203.0.113.1", resolver.resolve("10.1.1.1", List.of("6.6.6.6", "203.0.113.1")), "repeated headers");
        assertEquals("10.1.1.1", resolver.resolve("10.1.1.1", List.of()), "no header: the proxy itself");
        assertEquals("10.2.2.2", resolver.resolve("10.1.1.1", List.of("evil.example, 10.2.2.2")),
                "garbage stops the walk at the last trusted hop; no DNS lookup is made");
        assertEquals("203.0.113.1", resolver.resolve("10.1.1.1", List.of("203.0.113.1:4711")), "port");
        assertEquals("2001:db8::1", resolver.resolve("10.1.1.1", List.of("[2001:db8::1]:443")));
        assertEquals("203.0.113.1", resolver.resolve("::ffff:10.1.1.1", List.of("203.0.113.1")), "IPv4-mapped peer");
        assertEquals("2001:db8::5", resolver.resolve("2001:db8:ffff::1", List.of("2001:db8::5")));
    }

    @Test
    void badProxyRangesStopStartUp() {
        assertThrows(IllegalArgumentException.class, () -> new TrustedProxies(List.of("proxy.internal")));
        assertThrows(IllegalArgumentException.class, () -> new TrustedProxies(List.of("10.0.0.0/33")));
        assertTrue(new TrustedProxies(List.of("10.0.0.0/8")).contains(TrustedProxies.parse("10.255.0.1")));
    }

    /** A sign-in sent from 127.0.0.2, the trusted proxy, on a raw socket. */
    private static int viaProxy(String forwardedFor) throws Exception {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), RestAssured.port), 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /dev/sign-in HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: " + forwardedFor
                    + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }
}
