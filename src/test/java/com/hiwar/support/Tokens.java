package com.hiwar.support;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tokens as the publisher's login would issue them, signed with the test keys whose
 * public halves are in keys/jwks.json (the verifier's key set in the test profile).
 */
public final class Tokens {

    public static final String ISSUER = "https://publisher.test";
    public static final String AUDIENCE = "hiwar";

    private Tokens() {}

    public static String newSubject() {
        return "user-" + UUID.randomUUID();
    }

    public static String reader(String subject) {
        return claims(subject).claim("name", "Reader " + subject.substring(0, 12)).jws().keyId("rsa-2048")
                .sign(key("rsa-private.pem", "RSA"));
    }

    public static String moderator(String subject) {
        return claims(subject).groups(Set.of("moderator")).claim("name", "Mod").jws().keyId("rsa-2048")
                .sign(key("rsa-private.pem", "RSA"));
    }

    public static String admin(String subject) {
        return rs256(claims(subject).groups(Set.of("moderator", "admin")).claim("name", "Admin"));
    }

    /** Standard claims, valid for ten minutes; callers override what a test varies. */
    public static JwtClaimsBuilder claims(String subject) {
        Instant now = Instant.now();
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).issuedAt(now).expiresAt(now.plusSeconds(600));
    }

    public static String rs256(JwtClaimsBuilder claims) {
        return claims.jws().keyId("rsa-2048").sign(key("rsa-private.pem", "RSA"));
    }

    public static String es256(JwtClaimsBuilder claims) {
        return claims.jws().keyId("ec-p256").algorithm(SignatureAlgorithm.ES256).sign(key("ec-private.pem", "EC"));
    }

    /** A JWS assembled by hand, for what no well-behaved library will produce. */
    public static String raw(String headerJson, String payloadJson, String jcaAlgorithm, Object key) {
        String signingInput = b64(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                + b64(payloadJson.getBytes(StandardCharsets.UTF_8));
        try {
            byte[] signature;
            if (jcaAlgorithm == null) {
                signature = new byte[0];
            } else if (key instanceof byte[] secret) {
                Mac mac = Mac.getInstance(jcaAlgorithm);
                mac.init(new SecretKeySpec(secret, jcaAlgorithm));
                signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
            } else {
                Signature signer = Signature.getInstance(jcaAlgorithm);
                signer.initSign((PrivateKey) key);
                signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
                signature = signer.sign();
            }
            return signingInput + "." + b64(signature);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String payload(String subject, long iat, long exp) {
        return "{\"iss\":\"" + ISSUER + "\",\"aud\":\"" + AUDIENCE + "\",\"sub\":\"" + subject
                + "\",\"iat\":" + iat + ",\"exp\":" + exp + "}";
    }

    public static PrivateKey key(String file, String algorithm) {
        try {
            String pem = resource(file).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String resource(String file) {
        try (var in = Tokens.class.getResourceAsStream("/keys/" + file)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
