package com.hiwar.email;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.Optional;

/** Turning off what an unsubscribe link names; when nothing is left, the address goes too. */
@ApplicationScoped
class Unsubscribes {

    private static final Map<String, Map<String, String>> WORDS = Map.of(
            "ar", Map.of("title", "إلغاء الاشتراك", "ask", "أوقف هذه الرسائل من %s؟", "button", "نعم، ألغِ الاشتراك",
                    "done", "تمّ. لن تصلك هذه الرسائل بعد الآن.", "replies", "رسائل الردود على تعليقاتك",
                    "decisions", "رسائل قرارات الإشراف على تعليقاتك", "queue", "ملخّص طابور الإشراف", "all", "كل الرسائل"),
            "en", Map.of("title", "Unsubscribe", "ask", "Stop these emails from %s?", "button", "Yes, unsubscribe",
                    "done", "Done. You will not get these emails any more.", "replies", "Emails about replies to your comments",
                    "decisions", "Emails about moderators' decisions on your comments", "queue", "The moderation queue digest",
                    "all", "All emails"));

    /** The page's view. */
    public record Page(String lang, String dir, String title, String what, String ask, String button, String action, String done) {}

    @Inject
    UnsubscribeLinks links;

    @Inject
    EmailConfig config;

    @Location("email/unsubscribe.html")
    Template template;

    Optional<UnsubscribeLinks.Target> verify(String token) {
        return links.verify(token);
    }

    @Transactional
    public String page(UnsubscribeLinks.Target target, String token) {
        return render(target, locale(target.userId()), "/api/v1/email/unsubscribe?t=" + token, false);
    }

    @Transactional
    public String apply(UnsubscribeLinks.Target target) {
        String locale = locale(target.userId());
        EmailSubscription s = EmailSubscription.findById(target.userId());
        if (s != null) {
            switch (target.what()) {
                case "replies" -> s.replies = "off";
                case "decisions" -> s.decisions = "off";
                case "queue" -> s.queueDigest = false;
                default -> {
                    s.replies = "off";
                    s.decisions = "off";
                    s.queueDigest = false;
                }
            }
            if (s.wantsNothing()) {
                Preferences.forget(target.userId());
            }
        }
        return render(target, locale, null, true);
    }

    private String render(UnsubscribeLinks.Target target, String lang, String action, boolean done) {
        Map<String, String> w = WORDS.get(lang);
        return template.data("page", new Page(lang, lang.equals("ar") ? "rtl" : "ltr", w.get("title"), w.get(target.what()),
                w.get("ask").formatted(config.siteName()), w.get("button"), action, done ? w.get("done") : null)).render();
    }

    private static String locale(long userId) {
        EmailSubscription s = EmailSubscription.findById(userId);
        return s == null ? "ar" : s.locale;
    }
}
