package com.hiwar.auth;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hiwar.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Tokens verified once and reused: the service really keeps them, a kept token stops working
 * exactly when a fresh check would refuse it, and no other text rides on a kept verification.
 */
@QuarkusTest
class VerifiedTokensTest {

    @Inject
    VerifiedTokens tokens;

    static int me(String token) {
        return given().header("Authorization", "Bearer " + token).get("/api/v1/me").then().extract().statusCode();
    }

    @Test
    void aKeptTokenStopsWorkingWhenItsExpiryPlusTheSkewPasses() throws Exception {
        // Expired 28 s ago: still inside the 30 s skew, so accepted, and kept.
        Instant exp = Instant.now().minusSeconds(28);
        String token = Tokens.rs256(Tokens.claims(Tokens.newSubject()).issuedAt(exp.minusSeconds(600)).expiresAt(exp));
        assertTrue(me(token) != 401);
        assertTrue(tokens.holds(token), "a verified token is kept");
        assertTrue(me(token) != 401, "and reused");
        Thread.sleep(Math.max(0, exp.plusSeconds(30).toEpochMilli() - System.currentTimeMillis()) + 200);
        assertTrue(me(token) == 401, "past exp + skew a kept token is refused, as a fresh check would");
    }

    @Test
    void onlyTheExactTextOfAVerifiedTokenIsReused() {
        String token = Tokens.reader(Tokens.newSubject());
        assertTrue(me(token) != 401);
        assertTrue(tokens.holds(token));
        char last = token.charAt(token.length() - 2);
        String tampered = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
        assertTrue(me(tampered) == 401);
        assertFalse(tokens.holds(tampered), "a refused token is never kept");
        assertTrue(me("garbage." + token) == 401);
    }
}
