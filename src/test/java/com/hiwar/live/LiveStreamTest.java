package com.hiwar.live;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hiwar.support.Api;
import com.hiwar.support.SseClient.SseEvent;
import com.hiwar.support.SseClient;
import com.hiwar.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The article event stream: only public changes, coalesced likes, heartbeats and Last-Event-ID catch-up. */
@QuarkusTest
class LiveStreamTest {

    private final String alice = Tokens.reader(Tokens.newSubject());
    private final String bob = Tokens.reader(Tokens.newSubject());
    private final String moderator = Tokens.moderator(Tokens.newSubject());

    @Test
    void newCommentsEditsAndDeletionsArriveAsTheyHappen() {
        String article = Api.newArticle();
        try (SseClient stream = SseClient.open(article, null)) {
            SseEvent ready = stream.next("ready");
            assertEquals("0-0", ready.id(), "an article without history starts at 0-0");

            long id = Api.postId(alice, article, "تعليق مباشر");
            SseEvent created = stream.next("comment");
            assertEquals(id, created.json().getLong("id"));
            assertEquals("تعليق مباشر", created.json().getString("body"));
            assertEquals(false, created.json().getBoolean("mine"), "the stream shows comments as anonymous readers see them");

            Api.as(alice).body(Map.of("body", "تعليق معدّل")).patch("/api/v1/comments/{id}", id).then().statusCode(200);
            assertEquals("تعليق معدّل", stream.next("comment-updated").json().getString("body"));

            Api.as(alice).delete("/api/v1/comments/{id}", id).then().statusCode(204);
            assertEquals(id, stream.next("comment-removed").json().getLong("id"));
        }
    }

    @Test
    void theLiveScriptRunsByItsHashAndOutlivesAScriptFlush() {
        String article = Api.newArticle();
        try (SseClient stream = SseClient.open(article, null)) {
            stream.next("ready");
            redis.execute("SCRIPT", "FLUSH"); // as after a Redis restart: the script is gone
            long first = Api.postId(alice, article, "بعد مسح السكربتات");
            assertEquals(first, stream.next("comment").json().getLong("id"), "EVAL when Redis answers NOSCRIPT");
            // The stream-slot renewal (every heartbeat, 1 s here) meets the flush once too: let it reload its script first.
            com.hiwar.support.Background.sleep(1500);
            long evals = commandCalls("eval"), evalshas = commandCalls("evalsha");
            long second = Api.postId(alice, article, "ثم بالبصمة");
            assertEquals(second, stream.next("comment").json().getLong("id"));
            assertEquals(evals, commandCalls("eval"), "no script text sent once Redis has it");
            assertTrue(commandCalls("evalsha") > evalshas);
        }
    }

    /**
     * Sharded pub/sub: an article's channel is subscribed (SSUBSCRIBE) while it has a reader here
     * and dropped after the last one leaves; the announcement channel every instance hears
     * carries the article id only, never the comment.
     */
    @Test
    void anArticleHasItsOwnShardChannelWhileItHasReadersAndAnnouncementsCarryOnlyItsId() throws Exception {
        String article = Api.newArticle();
        String channel = "hiwar:live:test:{" + article + "}";
        java.util.concurrent.BlockingQueue<String> announced = new java.util.concurrent.LinkedBlockingQueue<>();
        var announcements = redis.pubsub(String.class).subscribe("hiwar:live:test", m -> {
            if (m.equals(article) || m.contains(article)) {
                announced.add(m);
            }
        });
        try {
            assertEquals(0, shardSubscribers(channel));
            try (SseClient stream = SseClient.open(article, null)) {
                stream.next("ready");
                assertEquals(1, shardSubscribers(channel), "the stream's instance subscribes the article's shard channel");
                assertEquals(0, shardSubscribers("hiwar:live:test:{" + Api.newArticle() + "}"), "no reader, no subscription");
                long id = Api.postId(alice, article, "على قناة المقال");
                assertEquals(id, stream.next("comment").json().getLong("id"));
                assertEquals(article, announced.poll(5, java.util.concurrent.TimeUnit.SECONDS), "the announcement is the article id alone");
            }
            com.hiwar.support.RedisNode.await(() -> shardSubscribers(channel) == 0, 5, "the channel was not dropped after its last reader left");
        } finally {
            announcements.unsubscribe();
        }
    }

    /** Redis drops the subscription connection: it comes back by itself, and what was published meanwhile is replayed once. */
    @Test
    void aLostSubscriptionComesBackAndReplaysWhatItMissed() {
        String article = Api.newArticle();
        String channel = "hiwar:live:test:{" + article + "}";
        try (SseClient stream = SseClient.open(article, null)) {
            stream.next("ready");
            int killed = 0;
            for (String client : redis.execute("CLIENT", "LIST", "TYPE", "pubsub").toString().split("\n")) {
                if (client.matches(".*\\bssub=[1-9].*")) { // the hub's shard connection, not other subscribers
                    redis.execute("CLIENT", "KILL", "ID", client.replaceAll(".*\\bid=(\\d+).*", "$1").strip());
                    killed++;
                }
            }
            assertEquals(1, killed, "one subscription connection per instance");
            long missed = Api.postId(alice, article, "أثناء الانقطاع");
            assertEquals(missed, stream.next("comment").json().getLong("id"));
            long after = Api.postId(alice, article, "بعد العودة");
            assertEquals(after, stream.next("comment").json().getLong("id"), "the missed event came once, then live again");
            assertEquals(1, shardSubscribers(channel));
        }
    }

    private long shardSubscribers(String channel) {
        return redis.execute("PUBSUB", "SHARDNUMSUB", channel).get(1).toLong();
    }

    private long commandCalls(String command) {
        String stats = redis.execute("INFO", "commandstats").toString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("cmdstat_" + command + ":calls=(\\d+)").matcher(stats);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    @Test
    void pendingCommentsAreNeverStreamedUntilApproved() {
        String article = Api.newArticle();
        Api.postId(alice, article, "أول تعليق"); // creates the article
        given().header("Authorization", "Bearer " + moderator).contentType("application/json")
                .body(Map.of("premoderation", true))
                .put("/api/v1/moderation/articles/{a}", article).then().statusCode(200);
        try (SseClient stream = SseClient.open(article, null)) {
            stream.next("ready");
            long held = Api.post(bob, article, Map.of("body", "ينتظر المراجعة")).statusCode(201)
                    .extract().jsonPath().getLong("id");
            assertTrue(stream.drain(Duration.ofMillis(700)).isEmpty(), "a pending comment must not be streamed");

            Api.decide(moderator, held, "approve", null);
            assertEquals(held, stream.next("comment").json().getLong("id"), "approval publishes it live");
        }
    }

    @Test
    void likeCountsAreCoalescedPerComment() {
        String article = Api.newArticle();
        long id = Api.postId(alice, article, "أعجبني");
        try (SseClient stream = SseClient.open(article, null)) {
            stream.next("ready");
            for (int i = 0; i < 12; i++) {
                Api.as(Tokens.reader(Tokens.newSubject())).put("/api/v1/comments/{id}/like", id).then().statusCode(200);
            }
            List<SseEvent> events = stream.drain(Duration.ofMillis(2500));
            List<SseEvent> likes = events.stream().filter(e -> e.type().equals("likes")).toList();
            assertTrue(!likes.isEmpty() && likes.size() <= 4, "12 likes in a burst give a few coalesced events, got " + likes.size());
            assertEquals(12, likes.get(likes.size() - 1).json().getInteger("likes"), "the last event carries the final count");
        }
    }

    @Test
    void aReconnectingReaderCatchesUpFromLastEventId() {
        String article = Api.newArticle();
        String lastSeen;
        try (SseClient stream = SseClient.open(article, null)) {
            stream.next("ready");
            Api.postId(alice, article, "قبل الانقطاع");
            lastSeen = stream.next("comment").id();
        }
        long missed1 = Api.postId(alice, article, "فاتك هذا");
        long missed2 = Api.postId(bob, article, "وهذا أيضا");
        try (SseClient stream = SseClient.open(article, lastSeen)) {
            SseEvent ready = stream.next("ready");
            assertEquals(2, ready.json().getInteger("missed"));
            assertEquals(missed1, stream.next("comment").json().getLong("id"));
            assertEquals(missed2, stream.next("comment").json().getLong("id"));
            long live = Api.postId(alice, article, "وبعد العودة");
            assertEquals(live, stream.next("comment").json().getLong("id"));
        }
    }

    @Test
    void aReaderTooFarBehindOrWithAnUnknownIdIsToldToRefetch() {
        String article = Api.newArticle();
        Api.postId(alice, article, "تعليق");
        try (SseClient stream = SseClient.open(article, "1-0")) {
            SseEvent refetch = stream.next("refetch");
            assertNotNull(refetch.id(), "the refetch names the id to stream from next time");
            long after = Api.postId(bob, article, "بعد إعادة التحميل");
            assertEquals(after, stream.next("comment").json().getLong("id"));
        }
    }

    @Test
    void readersAreToldWhenTheArticleClosesByAModeratorOrByItsClosingTime() {
        String article = Api.newArticle();
        Api.postId(alice, article, "قبل الإغلاق");
        try (SseClient stream = SseClient.open(article, null)) {
            stream.next("ready");
            Api.as(moderator).body(Map.of("open", false)).put("/api/v1/moderation/articles/{a}", article)
                    .then().statusCode(200);
            assertEquals(false, stream.next("article").json().getBoolean("open"));
        }
        String timed = Api.newArticle();
        Api.postId(alice, timed, "يغلق بعد قليل");
        Api.as(moderator).body(Map.of("closesAt", java.time.Instant.now().plusMillis(1500).toString()))
                .put("/api/v1/moderation/articles/{a}", timed).then().statusCode(200);
        try (SseClient stream = SseClient.open(timed, null)) {
            stream.next("ready");
            SseEvent closing = stream.next("article"); // the moderator's change, from history-free live delivery or the timer
            if (closing.json().getBoolean("open")) {
                closing = stream.next("article");
            }
            assertEquals(false, closing.json().getBoolean("open"));
        }
        // A closing time set while readers are connected is followed too.
        String later = Api.newArticle();
        Api.postId(alice, later, "مفتوح الآن");
        try (SseClient stream = SseClient.open(later, null)) {
            stream.next("ready");
            Api.as(moderator).body(Map.of("closesAt", java.time.Instant.now().plusMillis(1500).toString()))
                    .put("/api/v1/moderation/articles/{a}", later).then().statusCode(200);
            assertEquals(true, stream.next("article").json().getBoolean("open"), "the new closing time, announced");
            assertEquals(false, stream.next("article").json().getBoolean("open"), "and then the closing itself");
        }
    }

    @Test
    void idleStreamsGetHeartbeats() throws Exception {
        try (SseClient stream = SseClient.open(Api.newArticle(), null)) {
            stream.next("ready");
            assertNotNull(stream.nextComment(Duration.ofSeconds(5)), "a heartbeat comment within the interval (1 s in tests)");
        }
    }

    @Test
    void anInvalidArticleIdIsAProblem() {
        given().get("/api/v1/articles/{a}/events", "bad id!").then().statusCode(422)
                .contentType("application/problem+json");
    }

    /**
     * Security review finding 3: catch-up replays only what is public now. Rejected, report-hidden,
     * edited-away and erased content never comes back from the history, and the history in Redis
     * holds no comment text or author at all.
     */
    @Test
    void catchUpNeverReplaysWhatIsNoLongerPublic() throws Exception {
        String article = Api.newArticle();
        String bobSubject = Tokens.newSubject();
        String erased = Tokens.reader(bobSubject);
        String bobName = "Reader " + bobSubject.substring(0, 12);
        long kept = Api.postId(alice, article, "يبقى منشورا");
        long rejected = Api.postId(alice, article, "سيرفضه المشرف");
        long hidden = Api.postId(alice, article, "ستخفيه البلاغات");
        long edited = Api.postId(alice, article, "النص قبل التعديل");
        long erasedOne = Api.postId(erased, article, "تعليق من سيمحو حسابه");
        try (SseClient stream = SseClient.open(article, null)) {
            stream.next("ready");
            Api.decide(moderator, rejected, "reject", "abuse");
            for (int i = 0; i < 3; i++) {
                Api.as(Tokens.reader(Tokens.newSubject())).body(Map.of("reason", "abuse"))
                        .post("/api/v1/comments/{id}/reports", hidden).then().statusCode(201);
            }
            Api.as(alice).body(Map.of("body", "النص بعد التعديل")).patch("/api/v1/comments/{id}", edited).then().statusCode(200);
            long bob = com.hiwar.support.Db.userId(bobSubject);
            Api.as(erased).delete("/api/v1/me").then().statusCode(202);
            com.hiwar.support.Db.awaitUserGone(bob);
            stream.drain(Duration.ofMillis(500));
        }

        try (SseClient replay = SseClient.open(article, "0-0")) {
            replay.next("ready");
            List<SseEvent> events = replay.drain(Duration.ofMillis(800));
            String all = events.stream().map(SseEvent::data).reduce("", String::concat);
            for (String gone : List.of("سيرفضه المشرف", "ستخفيه البلاغات", "النص قبل التعديل", "تعليق من سيمحو", bobName)) {
                assertTrue(!all.contains(gone), "replayed \"" + gone + "\": " + all);
            }
            List<Long> comments = events.stream().filter(e -> e.type().startsWith("comment") && !e.type().equals("comment-removed"))
                    .map(e -> e.json().getLong("id")).distinct().toList();
            assertEquals(List.of(kept, edited), comments, "only comments public now are replayed");
            assertTrue(events.stream().filter(e -> e.json().getLong("id") != null && e.json().getLong("id") == edited)
                    .filter(e -> e.type().equals("comment") || e.type().equals("comment-updated"))
                    .allMatch(e -> e.json().getString("body").equals("النص بعد التعديل")), "replays show the current text");
            assertTrue(events.stream().anyMatch(e -> e.type().equals("comment-removed") && e.json().getLong("id") == rejected));
        }

        // What Redis keeps: ids, types and counts, never a body or a name.
        String history = redis.execute("XRANGE", LiveHub.streamKey(article), "-", "+").toString();
        assertTrue(history.contains("\"id\":" + kept), history);
        for (String text : List.of("يبقى منشورا", "النص بعد التعديل", "سيرفضه", "تعليق من سيمحو", bobName, "Reader ")) {
            assertTrue(!history.contains(text), "the history holds \"" + text + "\": " + history);
        }
    }

    @jakarta.inject.Inject
    io.quarkus.redis.datasource.RedisDataSource redis;

    /** A live stream opened through the trusted proxy (127.0.0.2) for this client address; the socket holds it. */
    private static java.net.Socket streamAs(String client, String article) throws Exception {
        return streamAs(client, article, "");
    }

    private static java.net.Socket streamAs(String client, String article, String extraHeaders) throws Exception {
        java.net.Socket socket = new java.net.Socket();
        socket.bind(new java.net.InetSocketAddress(java.net.InetAddress.getByName("127.0.0.2"), 0));
        socket.connect(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), io.restassured.RestAssured.port), 5000);
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(("GET /api/v1/articles/" + article + "/events HTTP/1.1\r\nHost: localhost\r\n"
                + "Accept: text/event-stream\r\nX-Forwarded-For: " + client + "\r\n" + extraHeaders + "\r\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    private static String statusLine(java.net.Socket socket) throws Exception {
        StringBuilder line = new StringBuilder();
        for (int c = socket.getInputStream().read(); c != -1 && c != '\n'; c = socket.getInputStream().read()) {
            line.append((char) c);
        }
        return line.toString().trim();
    }

    /**
     * Security review finding 11: one client address cannot take every live slot. Its streams
     * are counted in Redis across instances (here: streams another instance holds, written as
     * that instance would), and past the limit it gets a 429 problem; other addresses are unaffected.
     */
    @Test
    void oneClientAddressHoldsAtMostItsShareOfLiveStreams() throws Exception {
        int max = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("hiwar.live.max-per-client", Integer.class);
        String client = "203.0.113." + (1 + new java.util.Random().nextInt(250));
        String article = Api.newArticle();
        List<java.net.Socket> open = new java.util.ArrayList<>();
        try {
            // Another instance already holds two of this address's streams.
            long until = System.currentTimeMillis() + 60_000;
            redis.execute("ZADD", ClientSlots.key(client), Long.toString(until), "other-instance:1", Long.toString(until), "other-instance:2");
            for (int i = 0; i < max - 2; i++) {
                java.net.Socket s = streamAs(client, article);
                open.add(s);
                assertEquals("HTTP/1.1 200 OK", statusLine(s));
            }
            try (java.net.Socket refused = streamAs(client, article, "Connection: close\r\n")) {
                assertEquals("HTTP/1.1 429 Too Many Requests", statusLine(refused));
                String rest = new String(refused.getInputStream().readNBytes(2000), java.nio.charset.StandardCharsets.UTF_8);
                assertTrue(rest.contains("application/problem+json") && rest.contains("live-too-many-streams")
                        && rest.toLowerCase().contains("retry-after"), rest);
            }
            try (java.net.Socket other = streamAs("198.51.100.7", article)) {
                assertEquals("HTTP/1.1 200 OK", statusLine(other), "another address is not affected");
            }
            // Closing a stream frees its slot.
            open.remove(0).close();
            long deadline = System.currentTimeMillis() + 5_000;
            String status;
            do {
                Thread.sleep(100);
                try (java.net.Socket again = streamAs(client, article)) {
                    status = statusLine(again);
                }
            } while (!status.equals("HTTP/1.1 200 OK") && System.currentTimeMillis() < deadline);
            assertEquals("HTTP/1.1 200 OK", status);
        } finally {
            for (java.net.Socket s : open) {
                s.close();
            }
            redis.execute("DEL", ClientSlots.key(client));
        }
    }
}
