package com.hiwar.moderation.campaign;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hiwar.support.Api;
import com.hiwar.support.CampaignText;
import com.hiwar.support.Db;
import com.hiwar.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Coordinated campaigns through the API: one message in ten spellings from fifty accounts on five
 * articles is one campaign that holds its members and falls with one decision; fifty readers
 * writing the same short prayer, or one long condolence on one story, are no campaign at all.
 */
@QuarkusTest
class CampaignTest {

    private final String moderator = Tokens.moderator(Tokens.newSubject());

    private final List<Long> created = new ArrayList<>();

    private static String spelling(int i) {
        return CampaignText.SPELLINGS.get(i % CampaignText.SPELLINGS.size());
    }

    private long post(String article, String body, String expectedStatus) {
        long id = Api.post(Tokens.reader(Tokens.newSubject()), article, Map.of("body", body)).statusCode(201)
                .body("status", equalTo(expectedStatus)).extract().jsonPath().getLong("id");
        created.add(id);
        return id;
    }

    /** Each test's comments leave the campaign index, so no test (or rerun) joins another's campaign. */
    @AfterEach
    void forget() {
        Long[] ids = created.toArray(Long[]::new);
        Db.exec("delete from campaigns where id in (select campaign_id from campaign_signatures where comment_id = any(?1))", (Object) ids);
        Db.exec("delete from campaign_signatures where comment_id = any(?1)", (Object) ids);
    }

    private static long campaignOf(long commentId) {
        return ((Number) Db.scalar("select campaign_id from campaign_signatures where comment_id = ?1", commentId)).longValue();
    }

    @Test
    void fiftyAccountsInTenSpellingsOnFiveArticlesAreOneCampaignThatFallsWithOneDecision() {
        List<String> articles = List.of(Api.newArticle(), Api.newArticle(), Api.newArticle(), Api.newArticle(), Api.newArticle());
        List<Long> ids = new ArrayList<>();
        // The fifth account, on a second article, makes it a campaign: from then on its members wait.
        for (int i = 0; i < 50; i++) {
            ids.add(post(articles.get(i % 5), spelling(i), i < 4 ? "published" : "pending"));
        }
        assertEquals(List.of("campaign"), Api.rulesOf(articles.get(4), ids.get(49)));
        long campaign = campaignOf(ids.get(0));
        assertEquals(1L, ((Number) Db.scalar("select count(distinct campaign_id) from campaign_signatures where comment_id = any(?1)",
                (Object) ids.toArray(Long[]::new))).longValue());

        Api.as(moderator).get("/api/v1/moderation/campaigns/{id}", campaign).then().statusCode(200)
                .body("members", equalTo(50)).body("accounts", equalTo(50)).body("pending", equalTo(46))
                .body("articles", hasSize(5)).body("comments", hasSize(50)).body("sample", equalTo(spelling(0)));
        Api.as(moderator).get("/api/v1/moderation/campaigns").then().statusCode(200)
                .body("find { it.id == " + campaign + " }.members", equalTo(50));

        Api.as(moderator).body(Map.of("action", "reject-and-ban", "reason", "spam", "members", 49))
                .post("/api/v1/moderation/campaigns/{id}/decision", campaign).then().statusCode(409)
                .contentType("application/problem+json");
        Api.as(moderator).body(Map.of("action", "reject-and-ban", "reason", "spam", "members", 50))
                .post("/api/v1/moderation/campaigns/{id}/decision", campaign).then().statusCode(200)
                .body("campaign.status", equalTo("rejected")).body("results", hasSize(50))
                .body("results.findAll { it.status == 200 }", hasSize(50)).body("banned", hasSize(50));
        Long[] idArray = ids.toArray(Long[]::new);
        assertEquals(50L, ((Number) Db.scalar("select count(*) from comments where id = any(?1) and status = 'rejected'", (Object) idArray)).longValue());
        assertEquals(50L, ((Number) Db.scalar("select count(distinct comment_id) from moderation_audit where comment_id = any(?1)"
                + " and action = 'reject' and status_after = 'rejected'", (Object) idArray)).longValue());
        assertEquals(50L, ((Number) Db.scalar("select count(*) from users where status = 'banned' and id in"
                + " (select author_id from comments where id = any(?1))", (Object) idArray)).longValue());
        assertEquals(1L, ((Number) Db.scalar("select count(*) from moderation_audit where action = 'campaign-decision'"
                + " and (details ->> 'campaign')::bigint = ?1", campaign)).longValue());
    }

    @Test
    void readersWritingTheSamePrayerOrCondolenceOnOneStoryAreNoCampaign() {
        String article = Api.newArticle();
        for (int i = 0; i < 50; i++) {
            post(article, i % 2 == 0 ? "ربنا يستر" : "ربنا يسترها", "published");
        }
        for (int i = 0; i < 12; i++) {
            post(article, "الله يرحمه ويغفر له ويسكنه فسيح جناته", "published");
        }
        assertEquals(0L, ((Number) Db.scalar("select count(*) from campaign_signatures where article_id = ?1"
                + " and campaign_id is not null", article)).longValue());
    }

    @Test
    void anApprovedCampaignPublishesItsHeldMembersAndHoldsNoOneAfter() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(post(Api.newArticle(), spelling(i), i < 4 ? "published" : "pending"));
        }
        long campaign = campaignOf(ids.get(0));
        Map<String, Object> approve = new HashMap<>(Map.of("action", "approve"));
        Api.as(moderator).body(approve).post("/api/v1/moderation/campaigns/{id}/decision", campaign).then().statusCode(200)
                .body("campaign.status", equalTo("approved")).body("campaign.pending", equalTo(0));
        post(Api.newArticle(), spelling(8), "published");
    }
}
