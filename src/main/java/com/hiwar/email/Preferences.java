package com.hiwar.email;

import com.hiwar.auth.Actor;
import com.hiwar.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A reader's email choices. The address comes from their token's {@code email} claim when they
 * opt in, and is stored only while they want something: turning everything off forgets it.
 */
@ApplicationScoped
public class Preferences {

    static final Set<String> CHOICES = Set.of("off", "instant", "digest");
    static final Set<String> LOCALES = Set.of("ar", "en");
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]{2,63}");

    /** What the reader chose; {@code email} is the stored address (null when none is kept). */
    public record View(String email, String replies, String decisions, boolean queueDigest, String locale) {}

    public record Change(String replies, String decisions, Boolean queueDigest, String locale) {}

    @Inject
    EmailConfig config;

    @Transactional
    public View of(long userId) {
        return EmailSubscription.<EmailSubscription>findByIdOptional(userId).map(Preferences::view)
                .orElse(new View(null, "off", "off", false, "ar"));
    }

    @Transactional
    public View change(Actor actor, Change change, Optional<String> tokenEmail) {
        if (change == null) {
            throw ProblemException.invalid("replies", "send replies, decisions, queueDigest or locale");
        }
        EmailSubscription s = EmailSubscription.<EmailSubscription>findByIdOptional(actor.userId()).orElseGet(() -> {
            EmailSubscription fresh = new EmailSubscription();
            fresh.userId = actor.userId();
            return fresh;
        });
        s.replies = choice("replies", change.replies(), s.replies);
        s.decisions = choice("decisions", change.decisions(), s.decisions);
        if (change.queueDigest() != null) {
            if (change.queueDigest() && !actor.isModerator() && !actor.isAdmin()) {
                throw ProblemException.forbidden("not-a-moderator", "Moderators only", "The queue digest is for moderators");
            }
            s.queueDigest = change.queueDigest();
        }
        if (change.locale() != null) {
            if (!LOCALES.contains(change.locale())) {
                throw ProblemException.invalid("locale", "must be ar or en");
            }
            s.locale = change.locale();
        }
        if (s.wantsNothing()) {
            if (s.isPersistent()) {
                s.delete(); // nothing wanted: the address goes too
            }
            return new View(null, "off", "off", false, s.locale);
        }
        if (!config.enabled()) {
            throw new ProblemException(409, "email-disabled", "Email is off",
                    "This site does not send email (HIWAR_EMAIL_ENABLED is false)");
        }
        String address = tokenEmail.or(() -> Optional.ofNullable(s.address)).orElseThrow(() -> ProblemException.invalid("email",
                "your sign-in token carries no verified email address; the publisher's login must add the email claim"));
        if (!ADDRESS.matcher(address).matches() || address.length() > 320) {
            throw ProblemException.invalid("email", "the token's email claim is not an address");
        }
        s.address = address;
        s.updatedAt = Instant.now();
        if (!s.isPersistent()) {
            s.lastDigestAt = Instant.now();
            s.persist();
        }
        return view(s);
    }

    /** Erasure, or an unsubscribe that leaves nothing: the address and every queued message go. */
    @Transactional(Transactional.TxType.MANDATORY)
    public static void forget(long userId) {
        EmailSubscription.deleteById(userId);
        Outbox.forget(userId);
    }

    private static String choice(String field, String value, String current) {
        if (value == null) {
            return current;
        }
        if (!CHOICES.contains(value)) {
            throw ProblemException.invalid(field, "must be off, instant or digest");
        }
        return value;
    }

    private static View view(EmailSubscription s) {
        return new View(s.address, s.replies, s.decisions, s.queueDigest, s.locale);
    }
}
