package com.hiwar.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hiwar.support.Api;
import com.hiwar.support.OwnRedis;
import com.hiwar.support.SseClient;
import com.hiwar.support.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar with its own redis-server, restarted empty (no persistence) under an open
 * stream: the instance resubscribes by itself, tells the reader that the history it would
 * catch up from is gone (refetch), and streams again. Classic pub/sub here, as on a Redis
 * older than 7 ({@code LiveStreamTest} and {@code RedisClusterIT} cover sharded).
 */
@QuarkusIntegrationTest
@WithTestResource(value = OwnRedis.class, initArgs = {
        @ResourceArg(name = "hiwar.live.pubsub", value = "classic"), @ResourceArg(name = "hiwar.live.channel", value = "restart-it")})
class LiveRedisRestartIT {

    @Test
    void aRestartedRedisEndsInARefetchAndTheStreamGoesOn() {
        String article = Api.newArticle();
        String moderator = Tokens.moderator(Tokens.newSubject()); // never held, so every comment streams
        try (SseClient stream = SseClient.open(article, null)) {
            stream.next("ready");
            String channel = "restart-it:{" + article + "}";
            assertEquals(channel + " :1", OwnRedis.command("PUBSUB", "NUMSUB", channel), "a classic channel");
            assertEquals(channel + " :0", OwnRedis.command("PUBSUB", "SHARDNUMSUB", channel));
            long before = Api.post(moderator, article, Map.of("body", "قبل إعادة التشغيل")).statusCode(201)
                    .extract().jsonPath().getLong("id");
            assertEquals(before, stream.next("comment").json().getLong("id"));

            OwnRedis.stopServer();
            OwnRedis.startServer();
            stream.next("refetch");

            long after = Api.post(moderator, article, Map.of("body", "بعد إعادة التشغيل")).statusCode(201)
                    .extract().jsonPath().getLong("id");
            assertEquals(after, stream.next("comment").json().getLong("id"));
        }
    }
}
