package com.hiwar.auth;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hiwar.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import java.time.Instant;
import java.util.List;
import org.jose4j.jwt.JwtClaims;
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
        // A first sign-in warms the path up: a cold first request took over the 2 s margin below.
        me(Tokens.reader(Tokens.newSubject()));
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
    void ourPrincipalReadsEveryClaimAsMpJwtsOwnDoes() throws Exception {
        String json = """
                {"iss":"https://publisher.test","sub":"wp:7","aud":"hiwar","exp":4102444800,"iat":1700000000,
                 "name":"قارئ","preferred_username":"q","trusted":true,"desks":["sport"," Economy "],
                 "groups":["moderator"],"email":"q@example.com","email_verified":false}""";
        var ours = new VerifiedTokens.TokenPrincipal("JWT", JwtClaims.parse(json));
        var theirs = new DefaultJWTCallerPrincipal("JWT", JwtClaims.parse(json));
        for (String name : List.of("iss", "sub", "aud", "exp", "iat", "name", "preferred_username", "trusted", "desks",
                "groups", "email", "email_verified", "raw_token", "absent")) {
            assertEquals(String.valueOf((Object) theirs.getClaim(name)), String.valueOf((Object) ours.getClaim(name)), name);
        }
        assertEquals(theirs.getGroups(), ours.getGroups());
        assertEquals(theirs.getClaimNames(), ours.getClaimNames());
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
