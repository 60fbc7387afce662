package com.hiwar.moderation;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.hiwar.support.Api;
import com.hiwar.support.Db;
import com.hiwar.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Security review finding 5: who may ban whom, and a banned staff account loses every staff
 * endpoint, reads included, while its token still lives.
 */
@QuarkusTest
class StaffPowersTest {

    /** A staff member with a user row (made by their first request), and that row's id. */
    private record Staff(String token, long id) {}

    private static Staff staff(String token, String subject) {
        Api.as(token).get("/api/v1/moderation/counts").then().statusCode(200);
        return new Staff(token, ((Number) Db.scalar("select id from users where subject = ?1", subject)).longValue());
    }

    private static Staff moderator() {
        String subject = Tokens.newSubject();
        return staff(Tokens.moderator(subject), subject);
    }

    private static Staff admin() {
        String subject = Tokens.newSubject();
        return staff(Tokens.admin(subject), subject);
    }

    private static ValidatableResponse ban(Staff by, Staff target) {
        return Api.as(by.token()).body(Map.of()).post("/api/v1/moderation/users/{u}/ban", target.id()).then();
    }

    @Test
    void aModeratorMayNotBanOrUnbanStaff() {
        Staff moderator = moderator();
        Staff admin = admin();
        Staff otherModerator = moderator();
        for (Staff target : List.of(admin, otherModerator)) {
            ban(moderator, target).statusCode(403).contentType("application/problem+json")
                    .body("type", containsString("staff-admin-only"));
            Api.as(moderator.token()).delete("/api/v1/moderation/users/{u}/ban", target.id()).then().statusCode(403);
            Api.as(target.token()).get("/api/v1/moderation/counts").then().statusCode(200);
        }
        // The admin still edits word lists.
        Api.as(admin.token()).get("/api/v1/admin/wordlists/suspect").then().statusCode(200);
    }

    @Test
    void aModeratorStillBansReaders() {
        Staff moderator = moderator();
        String subject = Tokens.newSubject();
        Api.postId(Tokens.reader(subject), Api.newArticle(), "تعليق");
        long reader = ((Number) Db.scalar("select id from users where subject = ?1", subject)).longValue();
        Api.as(moderator.token()).body(Map.of()).post("/api/v1/moderation/users/{u}/ban", reader).then()
                .statusCode(200).body("status", equalTo("banned"));
    }

    @Test
    void aBannedModeratorLosesEveryStaffEndpoint() {
        Staff admin = admin();
        Staff moderator = moderator();
        long someone = moderator.id();
        ban(admin, moderator).statusCode(200).body("status", equalTo("banned"));
        List<Function<String, ValidatableResponse>> calls = List.of(
                t -> Api.as(t).get("/api/v1/moderation/queues/pending").then(),
                t -> Api.as(t).get("/api/v1/moderation/counts").then(),
                t -> Api.as(t).get("/api/v1/moderation/users/{u}", someone).then(),
                t -> Api.as(t).get("/api/v1/moderation/audit").then(),
                t -> Api.as(t).get("/api/v1/moderation/stats").then(),
                t -> Api.as(t).get("/api/v1/moderation/articles/{a}", "nope").then(),
                t -> Api.as(t).post("/api/v1/moderation/queues/pending/claim").then(),
                t -> Api.as(t).delete("/api/v1/moderation/users/{u}/ban", someone).then());
        for (var call : calls) {
            call.apply(moderator.token()).statusCode(403).contentType("application/problem+json")
                    .body("type", containsString("user-banned"));
        }
        // A banned admin loses the admin endpoints too; unbanning brings everything back.
        Staff bannedAdmin = admin();
        ban(admin, bannedAdmin).statusCode(200);
        Api.as(bannedAdmin.token()).get("/api/v1/admin/wordlists/suspect").then().statusCode(403);
        Api.as(admin.token()).delete("/api/v1/moderation/users/{u}/ban", bannedAdmin.id()).then().statusCode(200);
        Api.as(bannedAdmin.token()).get("/api/v1/admin/wordlists/suspect").then().statusCode(200);
        Api.as(admin.token()).delete("/api/v1/moderation/users/{u}/ban", moderator.id()).then().statusCode(200);
        calls.get(1).apply(moderator.token()).statusCode(200);
    }

    @Test
    void theLastActiveAdminCannotBeBanned() {
        Staff admin = admin();
        Staff second = admin();
        // Make these two the only admins: other tests' admins regain the group on their next request.
        Db.exec("update users set staff_groups = '{}' where 'admin' = any(staff_groups) and id not in (?1, ?2)",
                admin.id(), second.id());
        ban(admin, second).statusCode(200);
        ban(admin, admin).statusCode(409).contentType("application/problem+json").body("type", containsString("last-admin"));
        Api.as(admin.token()).get("/api/v1/admin/wordlists/suspect").then().statusCode(200);
    }
}
