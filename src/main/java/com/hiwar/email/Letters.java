package com.hiwar.email;

import com.hiwar.notification.Notifications;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a message says, in the reader's language (Arabic, right to left, unless they chose
 * English), as HTML and plain text. Only what is public goes in: a reply while it is public,
 * the reader's published comment, never the text of their rejected one.
 */
@ApplicationScoped
class Letters {

    /** One rendered message. */
    record Rendered(String subject, String html, String text) {}

    /** The template's view of a message. */
    public record Letter(String lang, String dir, String align, String subject, String heading, List<Line> lines, String open,
                         String why, String unsubscribe, String unsubscribeUrl) {}

    public record Line(String title, String text, String note, String link) {}

    /** The moderation queue as the digest tells it. */
    record Queue(long pending, Long oldestPendingSeconds, List<Map.Entry<String, Long>> hotArticles) {}

    private static final Map<String, Map<String, String>> WORDS = Map.of(
            "ar", Map.ofEntries(
                    Map.entry("reply.subject", "ردّ جديد على تعليقك في «%s»"),
                    Map.entry("reply.heading", "ردّ %s على تعليقك"),
                    Map.entry("approved.subject", "نُشر تعليقك على «%s»"),
                    Map.entry("approved.heading", "وافق المشرفون على تعليقك ونُشر"),
                    Map.entry("rejected.subject", "لم يُنشر تعليقك على «%s»"),
                    Map.entry("rejected.heading", "راجع المشرفون تعليقك ولم يُنشر"),
                    Map.entry("rejected.note", "يمكنك مراجعة إرشادات التعليق ثم المشاركة من جديد."),
                    Map.entry("digest.subject", "ملخّص اليوم من %s: %d"),
                    Map.entry("digest.heading", "ما فاتك في نقاشاتك"),
                    Map.entry("queue.subject", "طابور الإشراف في %s: %d بانتظار المراجعة"),
                    Map.entry("queue.heading", "حال طابور الإشراف"),
                    Map.entry("queue.pending", "بانتظار المراجعة: %d"),
                    Map.entry("queue.oldest", "أقدمها ينتظر منذ %d دقيقة"),
                    Map.entry("queue.hot", "«%s»: %d بانتظار المراجعة"),
                    Map.entry("someone", "أحد القرّاء"),
                    Map.entry("article", "مقال"),
                    Map.entry("open", "افتح النقاش"),
                    Map.entry("why", "وصلتك هذه الرسالة لأنك طلبت إشعارات %s بالبريد."),
                    Map.entry("unsubscribe", "إلغاء الاشتراك بنقرة واحدة")),
            "en", Map.ofEntries(
                    Map.entry("reply.subject", "New reply to your comment on “%s”"),
                    Map.entry("reply.heading", "%s replied to your comment"),
                    Map.entry("approved.subject", "Your comment on “%s” is published"),
                    Map.entry("approved.heading", "The moderators approved your comment"),
                    Map.entry("rejected.subject", "Your comment on “%s” was not published"),
                    Map.entry("rejected.heading", "The moderators reviewed your comment and did not publish it"),
                    Map.entry("rejected.note", "You may read the commenting guidelines and join in again."),
                    Map.entry("digest.subject", "Your daily summary from %s: %d"),
                    Map.entry("digest.heading", "What you missed in your conversations"),
                    Map.entry("queue.subject", "Moderation queue at %s: %d waiting"),
                    Map.entry("queue.heading", "The moderation queue"),
                    Map.entry("queue.pending", "Waiting for review: %d"),
                    Map.entry("queue.oldest", "The oldest has waited %d minutes"),
                    Map.entry("queue.hot", "“%s”: %d waiting"),
                    Map.entry("someone", "A reader"),
                    Map.entry("article", "an article"),
                    Map.entry("open", "Open the conversation"),
                    Map.entry("why", "You get this because you asked %s for email notifications."),
                    Map.entry("unsubscribe", "Unsubscribe with one click")));

    @Inject
    EmailConfig config;

    @Location("email/letter.html")
    Template html;

    @Location("email/letter.txt")
    Template text;

    /** The lines worth sending: what is public now. Empty: nothing to say (the message is dropped). */
    static List<Notifications.Item> tellable(List<Notifications.Item> items) {
        return items.stream().filter(i -> switch (i.kind()) {
            case "reply" -> i.comment().excerpt() != null && !"removed".equals(i.comment().status());
            case "approved" -> "published".equals(i.comment().status());
            case "rejected" -> true; // told without its text
            default -> false;
        }).toList();
    }

    Rendered notice(String locale, List<Notifications.Item> items, String unsubscribeUrl) {
        Map<String, String> w = WORDS.get(locale);
        Notifications.Item first = items.get(0);
        String title = title(w, first);
        String subject;
        String heading;
        switch (first.kind()) {
            case "reply" -> {
                subject = w.get("reply.subject").formatted(title);
                heading = w.get("reply.heading").formatted(first.from() == null ? w.get("someone") : first.from());
            }
            case "approved" -> {
                subject = w.get("approved.subject").formatted(title);
                heading = w.get("approved.heading");
            }
            default -> {
                subject = w.get("rejected.subject").formatted(title);
                heading = w.get("rejected.heading");
            }
        }
        return render(locale, subject, heading, List.of(line(w, first)), unsubscribeUrl);
    }

    Rendered digest(String locale, List<Notifications.Item> items, String unsubscribeUrl) {
        Map<String, String> w = WORDS.get(locale);
        List<Line> lines = new ArrayList<>();
        for (Notifications.Item i : items) {
            lines.add(line(w, i));
        }
        return render(locale, w.get("digest.subject").formatted(config.siteName(), items.size()), w.get("digest.heading"), lines,
                unsubscribeUrl);
    }

    Rendered queue(String locale, Queue q, String unsubscribeUrl) {
        Map<String, String> w = WORDS.get(locale);
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(w.get("queue.pending").formatted(q.pending()),
                null, q.oldestPendingSeconds() == null ? null : w.get("queue.oldest").formatted(q.oldestPendingSeconds() / 60), null));
        for (Map.Entry<String, Long> hot : q.hotArticles()) {
            lines.add(new Line(w.get("queue.hot").formatted(hot.getKey(), hot.getValue()), null, null, null));
        }
        return render(locale, w.get("queue.subject").formatted(config.siteName(), q.pending()), w.get("queue.heading"), lines,
                unsubscribeUrl);
    }

    private static Line line(Map<String, String> w, Notifications.Item i) {
        String heading = switch (i.kind()) {
            case "reply" -> w.get("reply.heading").formatted(i.from() == null ? w.get("someone") : i.from());
            case "approved" -> w.get("approved.heading");
            default -> w.get("rejected.heading");
        };
        boolean rejected = "rejected".equals(i.kind());
        return new Line(heading + " — " + title(w, i), rejected ? null : i.comment().excerpt(), rejected ? w.get("rejected.note") : null,
                link(i));
    }

    private static String title(Map<String, String> w, Notifications.Item i) {
        String t = i.comment().articleTitle();
        return t == null || t.isBlank() ? w.get("article") : t;
    }

    /** Back to the comment on the publisher's page; the widget scrolls to the anchor. */
    private static String link(Notifications.Item i) {
        String url = i.comment().articleUrl();
        return url == null ? null : url.replaceAll("#.*$", "") + "#hiwar-comment-" + i.comment().id();
    }

    private Rendered render(String locale, String subject, String heading, List<Line> lines, String unsubscribeUrl) {
        Map<String, String> w = WORDS.get(locale);
        boolean ar = "ar".equals(locale);
        Letter letter = new Letter(locale, ar ? "rtl" : "ltr", ar ? "right" : "left", subject, heading, lines, w.get("open"),
                w.get("why").formatted(config.siteName()), w.get("unsubscribe"), unsubscribeUrl);
        return new Rendered(subject, html.data("letter", letter).render(), text.data("letter", letter).render());
    }
}
