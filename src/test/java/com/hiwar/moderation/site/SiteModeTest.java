package com.hiwar.moderation.site;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hiwar.support.Api;
import com.hiwar.support.Db;
import com.hiwar.support.Tokens;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The site-wide moderation mode: who may see and set it, what each mode holds, and how fast every instance follows. */
@QuarkusTest
class SiteModeTest {

    private static final String PATH = "/api/v1/admin/settings/moderation";

    private final String admin = Tokens.admin(Tokens.newSubject());

    @Inject
    RedisDataSource redis;

    @Inject
    SiteModes modes;

    @AfterEach
    void backToPost() {
        Api.as(admin).body(Map.of("mode", "post")).put(PATH).then().statusCode(200);
    }

    private int set(String mode) {
        return Api.as(admin).body(Map.of("mode", mode, "reason", "breaking news")).put(PATH).then().statusCode(200)
                .body("mode", equalTo(mode)).extract().jsonPath().getInt("version");
    }

    @Test
    void moderatorsSeeTheModeButOnlyAdminsChangeIt() {
        String moderator = Tokens.moderator(Tokens.newSubject());
        Api.as(moderator).get(PATH).then().statusCode(200).body("mode", equalTo("post")).body("establishedComments", equalTo(3));
        Api.as(moderator).body(Map.of("mode", "pre")).put(PATH).then().statusCode(403);
        Api.as(Tokens.reader(Tokens.newSubject())).get(PATH).then().statusCode(403);
        Api.as(admin).body(Map.of("mode", "everything")).put(PATH).then().statusCode(422)
                .contentType("application/problem+json").body("errors.field", hasItem("mode"));
    }

    @Test
    void preHoldsEveryoneButModeratorsAndIsAudited() {
        int version = set("pre");
        String article = Api.newArticle();
        Api.post(Tokens.reader(Tokens.newSubject()), article, Map.of("body", "خبر مهم")).statusCode(201)
                .body("status", equalTo("pending"));
        String trusted = Tokens.rs256(Tokens.claims(Tokens.newSubject()).claim("trusted", true));
        long trustedComment = Api.post(trusted, article, Map.of("body", "تعليق موثوق")).statusCode(201)
                .body("status", equalTo("pending")).extract().jsonPath().getLong("id");
        Api.post(Tokens.moderator(Tokens.newSubject()), article, Map.of("body", "تنبيه من المشرف")).statusCode(201)
                .body("status", equalTo("published"));
        assertEquals(List.of("site-mode"), Api.rulesOf(article, trustedComment));
        List<?> audit = Db.list("""
                select details ->> 'before', details ->> 'mode', reason from moderation_audit
                where action = 'site-mode' and (details ->> 'version')::int = ?1""", version);
        assertEquals(1, audit.size());
        assertEquals(List.of("post", "pre", "breaking news"), List.of((Object[]) audit.get(0)));
    }

    @Test
    void preNewHoldsOnlyReadersWhoAreNotYetEstablished() {
        String article = Api.newArticle();
        String regularSubject = Tokens.newSubject();
        String regular = Tokens.reader(regularSubject);
        for (int i = 0; i < 3; i++) {
            Api.postId(regular, Api.newArticle(), "تعليق سابق رقم " + i);
        }
        set("pre-new");
        Api.post(Tokens.reader(Tokens.newSubject()), article, Map.of("body", "أول تعليق لي")).statusCode(201)
                .body("status", equalTo("pending"));
        Api.post(regular, article, Map.of("body", "قارئ معروف")).statusCode(201).body("status", equalTo("published"));
        String trusted = Tokens.rs256(Tokens.claims(Tokens.newSubject()).claim("trusted", true));
        Api.post(trusted, article, Map.of("body", "قارئ موثوق")).statusCode(201).body("status", equalTo("published"));
    }

    @Test
    void aStaleVersionIsRefusedAndSettingTheSameModeAgainChangesNothing() {
        int version = set("pre-new");
        Api.as(admin).body(Map.of("mode", "pre", "version", version - 1)).put(PATH).then().statusCode(409)
                .contentType("application/problem+json").body("type", org.hamcrest.Matchers.endsWith("stale-version"));
        Map<String, Object> again = new HashMap<>(Map.of("mode", "pre-new", "version", version));
        Api.as(admin).body(again).put(PATH).then().statusCode(200).body("version", equalTo(version));
    }

    @Test
    void aChangeAnnouncedByAnotherInstanceIsInForceHereWithinASecond() throws InterruptedException {
        // What another instance's PUT leaves behind: the row changed, and the announcement.
        Db.exec("update site_settings set value = '{\"mode\": \"pre\"}', version = version + 1, updated_by = 'other' where key = 'moderation'");
        redis.pubsub(String.class).publish(SiteModes.CHANNEL, "changed");
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (modes.mode() != com.hiwar.moderation.rules.SiteMode.PRE && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(com.hiwar.moderation.rules.SiteMode.PRE, modes.mode());
        Api.post(Tokens.reader(Tokens.newSubject()), Api.newArticle(), Map.of("body", "بعد الإعلان")).statusCode(201)
                .body("status", equalTo("pending"));
    }
}
