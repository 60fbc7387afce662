package com.hiwar.email;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hiwar.support.Api;
import com.hiwar.support.Db;
import com.hiwar.support.Tokens;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Email against a real SMTP server (GreenMail on 127.0.0.1:3025, as the test profile's mailer
 * expects): opt-in from the token's email claim, Arabic right-to-left or English messages with
 * a plain-text part and RFC 8058 one-click unsubscribe, nothing about what is not public,
 * digests, the hourly cap, and an SMTP outage that delays but loses nothing.
 */
@QuarkusTest
class EmailTest {

    static GreenMail smtp;

    @Inject
    Digests digests;

    @Inject
    Sender sender;

    @Test
    void sentEmailsPastTheRetentionArePurged() throws Exception {
        Reader hana = reader();
        choose(hana, Map.of("replies", "instant"));
        repliedTo(hana, "تعليق قديم", "ردّ قديم");
        assertEquals(1, to(hana.address(), 1, 10_000).size());
        long userId = Db.userId(hana.subject());
        Thread.sleep(300); // the sent status is recorded
        Db.exec("update email_messages set created_at = now() - interval '31 days' where user_id = ?1", userId);
        sender.purge();
        assertEquals(0L, ((Number) Db.scalar("select count(*) from email_messages where user_id = ?1", userId)).longValue());
    }

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    record Reader(String subject, String address, String token) {}

    private static Reader reader() {
        String subject = Tokens.newSubject();
        String address = subject + "@readers.test";
        String token = Tokens.rs256(Tokens.claims(subject).claim("name", "قارئة").claim("email", address));
        return new Reader(subject, address, token);
    }

    private static void choose(Reader r, Map<String, Object> choices) {
        given().header("Authorization", "Bearer " + r.token()).contentType("application/json").body(choices)
                .put("/api/v1/me/preferences").then().statusCode(200);
    }

    private static List<MimeMessage> to(String address, int atLeast, long waitMillis) throws Exception {
        long deadline = System.currentTimeMillis() + waitMillis;
        while (true) {
            List<MimeMessage> mine = new ArrayList<>();
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if (Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address))) {
                    mine.add(m);
                }
            }
            if (mine.size() >= atLeast || System.currentTimeMillis() > deadline) {
                return mine;
            }
            Thread.sleep(100);
        }
    }

    private static String part(MimeMessage m, String type) throws Exception {
        MimeMultipart multipart = (MimeMultipart) m.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart p = multipart.getBodyPart(i);
            if (p.isMimeType("multipart/*")) {
                MimeMultipart inner = (MimeMultipart) p.getContent();
                for (int j = 0; j < inner.getCount(); j++) {
                    if (inner.getBodyPart(j).isMimeType(type)) {
                        return (String) inner.getBodyPart(j).getContent();
                    }
                }
            } else if (p.isMimeType(type)) {
                return (String) p.getContent();
            }
        }
        return null;
    }

    @Test
    void aReplyBringsOneArabicRightToLeftEmailAndOneClickUnsubscribesWithoutSigningIn() throws Exception {
        Reader alice = reader();
        choose(alice, Map.of("replies", "instant"));
        String article = Api.newArticle();
        long comment = Api.postId(alice.token(), article, "تعليقي الأول");
        Api.replyId(Tokens.reader(Tokens.newSubject()), article, comment, "ردّ مهذّب على تعليقك");

        List<MimeMessage> got = to(alice.address(), 1, 10_000);
        assertEquals(1, got.size());
        MimeMessage m = got.get(0);
        assertTrue(m.getSubject().startsWith("ردّ جديد على تعليقك"), m.getSubject());
        String html = part(m, "text/html");
        assertTrue(html.contains("dir=\"rtl\"") && html.contains("lang=\"ar\""), "Arabic, right to left");
        assertTrue(html.contains("ردّ مهذّب على تعليقك"), "the public reply's text");
        assertTrue(part(m, "text/plain").contains("ردّ مهذّب على تعليقك"), "a plain-text part too");
        assertEquals("List-Unsubscribe=One-Click", m.getHeader("List-Unsubscribe-Post")[0]);
        String link = m.getHeader("List-Unsubscribe")[0].replaceAll("^<|>$", "");
        String path = link.substring(link.indexOf("/api/v1/"));

        // A link scanner's GET shows a page and changes nothing; the mail client's one-click POST unsubscribes.
        String page = given().get(path).then().statusCode(200).contentType("text/html").extract().asString();
        assertTrue(page.contains("dir=\"rtl\"") && page.contains("<form method=\"post\""));
        assertEquals(alice.address(), prefs(alice).get("email"));
        given().contentType("application/x-www-form-urlencoded").body("List-Unsubscribe=One-Click").post(path).then().statusCode(200);
        Map<String, Object> after = prefs(alice);
        assertNull(after.get("email"), "nothing wanted any more: the address is forgotten");
        assertEquals("off", after.get("replies"));

        Api.replyId(Tokens.reader(Tokens.newSubject()), article, comment, "ردّ بعد إلغاء الاشتراك");
        Thread.sleep(1500);
        assertEquals(1, to(alice.address(), 2, 0).size(), "nothing after unsubscribing");
        given().contentType("application/x-www-form-urlencoded").body("List-Unsubscribe=One-Click")
                .post("/api/v1/email/unsubscribe?t=" + "forged.token").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anEnglishReaderGetsEnglishLeftToRight() throws Exception {
        Reader bob = reader();
        choose(bob, Map.of("replies", "instant", "locale", "en"));
        String article = Api.newArticle();
        long comment = Api.postId(bob.token(), article, "My first comment");
        Api.replyId(Tokens.reader(Tokens.newSubject()), article, comment, "A kind reply");
        MimeMessage m = to(bob.address(), 1, 10_000).get(0);
        assertTrue(m.getSubject().startsWith("New reply to your comment"), m.getSubject());
        String html = part(m, "text/html");
        assertTrue(html.contains("dir=\"ltr\"") && html.contains("lang=\"en\""));
    }

    @Test
    void nothingIsSentAboutAPendingOrRejectedReplyAndARejectionNeverQuotesTheText() throws Exception {
        Reader carol = reader();
        choose(carol, Map.of("replies", "instant", "decisions", "instant"));
        String moderator = Tokens.moderator(Tokens.newSubject());
        String article = Api.newArticle();
        long comment = Api.postId(carol.token(), article, "تعليق منشور");
        given().header("Authorization", "Bearer " + moderator).contentType("application/json").body(Map.of("premoderation", true))
                .put("/api/v1/moderation/articles/{a}", article).then().statusCode(200);
        long held = Api.post(Tokens.reader(Tokens.newSubject()), article, Map.of("body", "ردّ ينتظر المراجعة", "parentId", comment))
                .statusCode(201).extract().jsonPath().getLong("id");
        Api.decide(moderator, held, "reject", "abuse");
        long mine = Api.post(carol.token(), article, Map.of("body", "نص مرفوض لا يُرسل أبدا")).statusCode(201)
                .extract().jsonPath().getLong("id");
        Api.decide(moderator, mine, "reject", "abuse");

        List<MimeMessage> got = to(carol.address(), 1, 10_000);
        Thread.sleep(1000);
        got = to(carol.address(), 2, 0);
        assertEquals(1, got.size(), "only the decision on her own comment; nothing about the held and rejected reply");
        assertTrue(got.get(0).getSubject().startsWith("لم يُنشر تعليقك"), got.get(0).getSubject());
        assertTrue(!part(got.get(0), "text/html").contains("نص مرفوض") && !part(got.get(0), "text/plain").contains("نص مرفوض"),
                "a rejected comment's text is not public, so it is not in the email");
        assertTrue(!part(got.get(0), "text/html").contains("ردّ ينتظر"), "nor the held reply");
    }

    @Test
    void aDigestGroupsTheDaysRepliesInOneEmail() throws Exception {
        Reader dana = reader();
        choose(dana, Map.of("replies", "digest"));
        repliedTo(dana, "تعليق يجمع الردود", "الردّ رقم 1", "الردّ رقم 2", "الردّ رقم 3");
        Thread.sleep(1000);
        assertEquals(0, to(dana.address(), 1, 0).size(), "no instant email for a digest reader");
        aDayPasses(dana.address());
        List<MimeMessage> got = to(dana.address(), 1, 10_000);
        assertEquals(1, got.size());
        String text = part(got.get(0), "text/plain");
        for (int i = 1; i <= 3; i++) {
            assertTrue(text.contains("الردّ رقم " + i), "reply " + i + " in the digest");
        }
        QuarkusTransaction.requiringNew().call(() -> digests.due());
        Thread.sleep(800);
        assertEquals(1, to(dana.address(), 2, 0).size(), "one digest a day");
    }

    @Test
    void moderatorsCanHaveTheQueueDigestAndReadersCannot() throws Exception {
        Reader reader = reader();
        given().header("Authorization", "Bearer " + reader.token()).contentType("application/json").body(Map.of("queueDigest", true))
                .put("/api/v1/me/preferences").then().statusCode(403).contentType("application/problem+json");
        String subject = Tokens.newSubject();
        String address = subject + "@newsroom.test";
        String token = Tokens.rs256(Tokens.claims(subject).groups(java.util.Set.of("moderator")).claim("name", "مشرف").claim("email", address));
        given().header("Authorization", "Bearer " + token).contentType("application/json").body(Map.of("queueDigest", true))
                .put("/api/v1/me/preferences").then().statusCode(200);
        aDayPasses(address);
        MimeMessage m = to(address, 1, 10_000).get(0);
        assertTrue(m.getSubject().startsWith("طابور الإشراف"), m.getSubject());
    }

    @Test
    void theHourlyCapHoldsTheRestForLater() throws Exception {
        Reader erin = reader();
        choose(erin, Map.of("replies", "instant"));
        repliedTo(erin, "تعليق كثير الردود", "ردّ 1", "ردّ 2", "ردّ 3", "ردّ 4");
        assertEquals(3, to(erin.address(), 3, 10_000).size());
        Thread.sleep(1500);
        assertEquals(3, to(erin.address(), 4, 0).size(), "the test profile's cap is 3 an hour");
        Object waiting = Db.scalar("""
                select count(*) from email_messages m join email_subscriptions s on s.user_id = m.user_id
                where s.address = ?1 and m.status = 'pending' and m.next_attempt_at > now() + interval '30 minutes'""", erin.address());
        assertEquals(1L, ((Number) waiting).longValue(), "the fourth waits for the hour to pass");
    }

    @Test
    void anSmtpOutageDelaysTheEmailAndLosesNothing() throws Exception {
        Reader finn = reader();
        choose(finn, Map.of("replies", "instant"));
        String article = Api.newArticle();
        long comment = Api.postId(finn.token(), article, "تعليق أثناء عطل البريد");
        smtp.stop();
        try {
            Api.replyId(Tokens.reader(Tokens.newSubject()), article, comment, "ردّ أثناء العطل");
            long deadline = System.currentTimeMillis() + 10_000;
            long attempts = 0;
            while (attempts < 2 && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
                Object a = Db.scalar("""
                        select coalesce(max(m.attempts), 0) from email_messages m join email_subscriptions s on s.user_id = m.user_id
                        where s.address = ?1 and m.status = 'pending'""", finn.address());
                attempts = ((Number) a).longValue();
            }
            assertTrue(attempts >= 2, "retried while the SMTP server was down");
        } finally {
            smtp = new GreenMail(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
        }
        assertEquals(1, to(finn.address(), 1, 15_000).size(), "sent once the server is back");
    }

    @Test
    void erasingTheAccountErasesTheAddressAndWhatWasQueued() throws Exception {
        Reader gail = reader();
        choose(gail, Map.of("replies", "instant", "decisions", "digest"));
        long userId = Db.userId(gail.subject());
        Api.as(gail.token()).delete("/api/v1/me").then().statusCode(202);
        Db.awaitUserGone(userId);
        assertEquals(0L, ((Number) Db.scalar("select count(*) from email_subscriptions where address = ?1", gail.address())).longValue());
        assertEquals(0L, ((Number) Db.scalar("select count(*) from email_messages where user_id = ?1", userId)).longValue());
    }

    @Test
    void optingInNeedsTheTokensEmailClaimAndKnownChoices() {
        String plain = Tokens.reader(Tokens.newSubject());
        given().header("Authorization", "Bearer " + plain).contentType("application/json").body(Map.of("replies", "instant"))
                .put("/api/v1/me/preferences").then().statusCode(422).contentType("application/problem+json");
        Reader r = reader();
        given().header("Authorization", "Bearer " + r.token()).contentType("application/json").body(Map.of("replies", "hourly"))
                .put("/api/v1/me/preferences").then().statusCode(422);
        given().header("Authorization", "Bearer " + r.token()).contentType("application/json").body(Map.of("locale", "fr"))
                .put("/api/v1/me/preferences").then().statusCode(422);
        String unverified = Tokens.rs256(Tokens.claims(Tokens.newSubject()).claim("email", "x@readers.test").claim("email_verified", false));
        given().header("Authorization", "Bearer " + unverified).contentType("application/json").body(Map.of("replies", "instant"))
                .put("/api/v1/me/preferences").then().statusCode(422);
        given().get("/api/v1/me/preferences").then().statusCode(401);
        Map<String, Object> none = prefs(r);
        assertNull(none.get("email"));
        assertEquals("off", none.get("replies"));
        choose(r, Map.of("decisions", "digest"));
        assertNotNull(prefs(r).get("email"));
    }

    /** The reader comments on a new article, and others answer one by one. */
    private static void repliedTo(Reader r, String text, String... replies) {
        String article = Api.newArticle();
        long comment = Api.postId(r.token(), article, text);
        for (String reply : replies) {
            Api.replyId(Tokens.reader(Tokens.newSubject()), article, comment, reply);
        }
    }

    /** The reader's last digest was a day ago, and the digest job runs. */
    private void aDayPasses(String address) {
        Db.exec("update email_subscriptions set last_digest_at = now() - interval '25 hours' where address = ?1", address);
        QuarkusTransaction.requiringNew().call(() -> digests.due());
    }

    private static Map<String, Object> prefs(Reader r) {
        return given().header("Authorization", "Bearer " + r.token()).get("/api/v1/me/preferences").then().statusCode(200)
                .extract().jsonPath().getMap("");
    }
}
