package com.hiwar.email;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Links that unsubscribe without signing in (RFC 8058 one-click): the reader and what to stop,
 * signed with HMAC-SHA256 under {@code hiwar.email.signing-key}. They do not expire: an old
 * email's link must still work.
 */
@ApplicationScoped
class UnsubscribeLinks {

    static final Set<String> WHAT = Set.of("replies", "decisions", "queue", "all");

    record Target(long userId, String what) {}

    @Inject
    EmailConfig config;

    private byte[] key;

    void start(@Observes StartupEvent event) {
        if (config.enabled() && config.signingKey().filter(k -> k.length() >= 32).isEmpty()) {
            throw new IllegalStateException("HIWAR_EMAIL_ENABLED is true but HIWAR_EMAIL_SIGNING_KEY is missing or shorter than"
                    + " 32 characters: unsubscribe links need a key shared by every instance and kept");
        }
        key = config.signingKey().orElse("").getBytes(StandardCharsets.UTF_8);
    }

    String url(long userId, String what) {
        return config.publicUrl().replaceAll("/+$", "") + "/api/v1/email/unsubscribe?t=" + token(userId, what);
    }

    String token(long userId, String what) {
        String claim = userId + "." + what;
        return b64(claim.getBytes(StandardCharsets.US_ASCII)) + "." + b64(mac(claim));
    }

    Optional<Target> verify(String token) {
        if (token == null || token.length() > 200 || key.length == 0) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            String claim = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.US_ASCII);
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
            if (!MessageDigest.isEqual(signature, mac(claim))) {
                return Optional.empty();
            }
            int sep = claim.indexOf('.');
            String what = claim.substring(sep + 1);
            return WHAT.contains(what) ? Optional.of(new Target(Long.parseLong(claim.substring(0, sep)), what)) : Optional.empty();
        } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String claim) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(("hiwar-unsubscribe:" + claim).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
