package com.hiwar.moderation.queue;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hiwar.support.Api;
import com.hiwar.support.CampaignText;
import com.hiwar.support.Db;
import com.hiwar.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Desks: a moderator whose token names desks (sections) sees, counts, claims and decides only
 * the comments of those sections' articles, on every moderation endpoint; an admin sees all.
 */
@QuarkusTest
class DeskScopeTest {

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String sports = "sports-" + suffix;
    private final String politics = "politics-" + suffix;
    private final String admin = Tokens.admin(Tokens.newSubject());
    private final String desk = Tokens.rs256(Tokens.claims(Tokens.newSubject()).groups(Set.of("moderator"))
            .claim("name", "Sports desk").claim("desks", List.of("Sports-" + suffix)));
    private final List<Long> created = new ArrayList<>();

    /** A new article of a section (given by its first comment, as the widget sends it), pre-moderated from then on. */
    private String article(String section) {
        String article = Api.newArticle();
        created.add(Api.post(Tokens.reader(Tokens.newSubject()), article, Map.of("body", "أول تعليق", "articleSection", section.toUpperCase()))
                .statusCode(201).extract().jsonPath().getLong("id"));
        Api.as(admin).body(Map.of("premoderation", true)).put("/api/v1/moderation/articles/{a}", article).then().statusCode(200)
                .body("section", equalTo(section));
        return article;
    }

    private long pending(String token, String article, String body) {
        long id = Api.post(token, article, Map.of("body", body)).statusCode(201).body("status", equalTo("pending"))
                .extract().jsonPath().getLong("id");
        created.add(id);
        return id;
    }

    private ValidatableResponse as(String token, String method, String path, Object... params) {
        var request = Api.as(token);
        return (switch (method) {
            case "GET" -> request.get(path, params);
            case "POST" -> request.post(path, params);
            default -> request.put(path, params);
        }).then();
    }

    @AfterEach
    void forgetCampaigns() {
        Long[] ids = created.toArray(Long[]::new);
        Db.exec("delete from campaigns where id in (select campaign_id from campaign_signatures where comment_id = any(?1))", (Object) ids);
        Db.exec("delete from campaign_signatures where comment_id = any(?1)", (Object) ids);
    }

    @Test
    void aDeskModeratorWorksOnlyOnTheDesksArticlesOnEveryModerationEndpoint() {
        String sportsArticle = article(sports);
        String politicsArticle = article(politics);
        String readerSubject = Tokens.newSubject();
        String reader = Tokens.reader(readerSubject);
        long s1 = pending(reader, sportsArticle, "هدف رائع في الدقيقة الأخيرة");
        long s2 = pending(Tokens.reader(Tokens.newSubject()), sportsArticle, "الحكم ظلمنا");
        long p1 = pending(reader, politicsArticle, "رأيي في الانتخابات");
        long p2 = pending(Tokens.reader(Tokens.newSubject()), politicsArticle, "البرلمان اليوم");

        // Queues, counts and stats.
        as(desk, "GET", "/api/v1/moderation/queues/pending?limit=100").statusCode(200)
                .body("items.article.section", everyItem(equalTo(sports))).body("items.id", hasItem((int) s1))
                .body("items.id", not(hasItem((int) p1)));
        as(desk, "GET", "/api/v1/moderation/queues/all?articleId={a}", politicsArticle).statusCode(200).body("items", org.hamcrest.Matchers.empty());
        as(desk, "GET", "/api/v1/moderation/counts").statusCode(200).body("pending", equalTo(2));
        as(desk, "GET", "/api/v1/moderation/stats").statusCode(200).body("queues.pending", equalTo(2));
        as(admin, "GET", "/api/v1/moderation/queues/pending?articleId={a}", politicsArticle).statusCode(200)
                .body("items.id", hasItem((int) p1));

        // Claims.
        as(desk, "POST", "/api/v1/moderation/queues/pending/claim?limit=100").statusCode(200)
                .body("article.section", everyItem(equalTo(sports))).body("id", hasItem((int) s1));

        // Decisions, one by one and in bulk.
        Api.as(desk).body(Map.of("action", "approve", "version", Db.version(p1)))
                .post("/api/v1/moderation/comments/{id}/decision", p1).then().statusCode(403)
                .contentType("application/problem+json").body("type", containsString("outside-desk"));
        Api.decide(desk, s1, "approve", null);
        Api.as(desk).body(Map.of("items", List.of(
                        Map.of("id", p2, "action", "reject", "reason", "spam", "version", Db.version(p2)),
                        Map.of("id", s2, "action", "reject", "reason", "spam", "version", Db.version(s2)))))
                .post("/api/v1/moderation/decisions").then().statusCode(200).body("status", equalTo(List.of(403, 200)));
        assertEquals("pending", Db.scalar("select status from comments where id = ?1", p2));

        // Articles.
        as(desk, "GET", "/api/v1/moderation/articles/{a}", politicsArticle).statusCode(403);
        as(desk, "GET", "/api/v1/moderation/articles/{a}", sportsArticle).statusCode(200).body("section", equalTo(sports));
        Api.as(desk).body(Map.of("open", false)).put("/api/v1/moderation/articles/{a}", politicsArticle).then().statusCode(403);
        Api.as(desk).body(Map.of("section", politics)).put("/api/v1/moderation/articles/{a}", sportsArticle).then().statusCode(403);

        // A reader's profile: only their comments on the desk's articles, and only its log entries.
        long readerId = Db.userId(readerSubject);
        as(desk, "GET", "/api/v1/moderation/users/{u}", readerId).statusCode(200)
                .body("recentComments.id", equalTo(List.of((int) s1)))
                .body("decisions.articleId", everyItem(equalTo(sportsArticle)));
        as(admin, "GET", "/api/v1/moderation/users/{u}", readerId).statusCode(200).body("recentComments.id", hasItem((int) p1));

        // The audit log.
        as(desk, "GET", "/api/v1/moderation/audit?limit=200").statusCode(200)
                .body("entries.articleId", not(hasItem(politicsArticle))).body("entries.articleId", hasItem(sportsArticle));

        // The surge autopilot's panel.
        as(desk, "GET", "/api/v1/moderation/surge/{a}", politicsArticle).statusCode(403);
        Api.as(desk).body(Map.of("pin", "held")).put("/api/v1/moderation/surge/{a}", politicsArticle).then().statusCode(403);
        as(desk, "GET", "/api/v1/moderation/surge/{a}", sportsArticle).statusCode(200).body("section", equalTo(sports));
        as(desk, "GET", "/api/v1/moderation/surge").statusCode(200).body("articleId", not(hasItem(politicsArticle)));
    }

    @Test
    void aCampaignOnAnotherDeskIsNeitherListedNorDecidableThere() {
        List<String> articles = List.of(article(politics), article(politics));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long id = Api.post(Tokens.reader(Tokens.newSubject()), articles.get(i % 2), Map.of("body", CampaignText.SPELLINGS.get(i)))
                    .statusCode(201).extract().jsonPath().getLong("id");
            created.add(id);
            ids.add(id);
        }
        long campaign = ((Number) Db.scalar("select campaign_id from campaign_signatures where comment_id = ?1", ids.get(0))).longValue();
        as(desk, "GET", "/api/v1/moderation/campaigns").statusCode(200).body("id", not(hasItem((int) campaign)));
        as(desk, "GET", "/api/v1/moderation/campaigns/{id}", campaign).statusCode(403);
        Api.as(desk).body(Map.of("action", "approve")).post("/api/v1/moderation/campaigns/{id}/decision", campaign).then().statusCode(403);
        as(admin, "GET", "/api/v1/moderation/campaigns/{id}", campaign).statusCode(200).body("members", equalTo(6));
    }
}
