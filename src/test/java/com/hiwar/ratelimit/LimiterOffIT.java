package com.hiwar.ratelimit;

import static org.hamcrest.Matchers.nullValue;

import com.hiwar.support.Api;
import com.hiwar.support.OwnRedis;
import com.hiwar.support.Tokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;

/** HIWAR_RATELIMIT_ENABLED=false (benchmarks, bulk imports): no limits, no quota headers, no Redis needed for writes. */
@QuarkusIntegrationTest
@WithTestResource(value = OwnRedis.class, initArgs = @ResourceArg(name = "hiwar.ratelimit.enabled", value = "false"))
class LimiterOffIT {

    @Test
    void writesAreNotLimited() {
        String article = Api.newArticle();
        String reader = Tokens.reader(Tokens.newSubject());
        OwnRedis.stopServer();
        try {
            for (int i = 0; i < 10; i++) {
                RedisOutageIT.timedPost(reader, article, "بلا حدود " + i).statusCode(201)
                        .header("RateLimit-Policy", nullValue()).header("RateLimit", nullValue());
            }
        } finally {
            OwnRedis.startServer();
        }
    }
}
