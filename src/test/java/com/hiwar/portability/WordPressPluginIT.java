package com.hiwar.portability;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hiwar.support.FreshDatabase;
import com.hiwar.support.JarInstance;
import com.hiwar.support.Tokens;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The WordPress plugin (deploy/wordpress/hiwar) in a real WordPress signs readers in to the
 * packaged jar: Hiwar trusts the plugin's JWKS, a subscriber's token writes as wp:<id> and finds
 * the comments an import of the site brought in as their own, an editor moderates, an
 * administrator imports, and a token of the key rotated out still works until it expires.
 */
class WordPressPluginIT {

    static final String DATABASE = "hiwar_wordpress_it";

    @Test
    void theSitesOwnSignInWorksEndToEnd() throws Exception {
        com.hiwar.support.WordPressSite.installOrSkip();
        Path out = Path.of("target", "wordpress", "plugin-it");
        Process site = new ProcessBuilder("bash", "src/test/wordpress/site.sh", out.toString(), "news.example/plugin-it", "5000100")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
        assertTrue(site.waitFor(5, TimeUnit.MINUTES) && site.exitValue() == 0, "the WordPress site could not be made");
        JsonObject plugin = new JsonObject(Files.readString(out.resolve("plugin.json")));
        assertEquals(401, plugin.getInteger("anonymous"), "no token for a visitor who is not signed in");
        assertEquals(2, plugin.getJsonObject("jwksAfter").getJsonObject("body").getJsonArray("keys").size(), "the old key stays after a rotation");
        assertTrue(plugin.getString("commentsTemplate").endsWith("hiwar/templates/comments.php"), "the theme's comments are the widget");

        FreshDatabase.recreate(DATABASE);
        Map<String, String> settings = FreshDatabase.settings(DATABASE, 10);
        settings.remove("mp.jwt.verify.publickey.location");
        settings.put("mp.jwt.verify.publickey", plugin.getJsonObject("jwksAfter").getJsonObject("body").encode());
        settings.put("mp.jwt.verify.issuer", plugin.getString("issuer"));
        settings.put("mp.jwt.verify.audiences", plugin.getString("audience"));
        settings.put("hiwar.moderation.new-commenter-pending", "0");
        String reader = plugin.getJsonObject("reader").getJsonObject("body").getString("token");
        try (JarInstance hiwar = JarInstance.start("wordpress", settings)) {
            // The administrator imports the site's comments with the plugin's token.
            String admin = plugin.getString("admin");
            long job = given().baseUri(hiwar.base()).header("Authorization", "Bearer " + admin).contentType("application/xml")
                    .body(Files.readString(out.resolve("export.xml")).getBytes(StandardCharsets.UTF_8)).post("/api/v1/admin/imports")
                    .then().statusCode(202).extract().jsonPath().getLong("id");
            ExportRestoreIT.awaitDone(hiwar, admin, job);
            // The subscriber writes as wp:<their id>, and finds their imported comment as theirs.
            hiwar.post(reader, "5000100", "تعليق جديد من مشتركة في ووردبريس");
            given().baseUri(hiwar.base()).header("Authorization", "Bearer " + reader).get("/api/v1/me/comments").then().statusCode(200)
                    .body("comments.body", hasItem("أوافقك الرأي تمامًا")).body("comments.body", hasItem("تعليق جديد من مشتركة في ووردبريس"));
            long mona = plugin.getJsonObject("users").getLong("mona");
            try (var c = DriverManager.getConnection("jdbc:postgresql://localhost:5432/" + DATABASE, "postgres", "");
                 var r = c.createStatement().executeQuery("select count(*) from users where subject = 'wp:" + mona + "'")) {
                r.next();
                assertEquals(1, r.getInt(1), "one account: the import's and the sign-in's");
            }
            // A token of the key rotated out is still good until it expires.
            hiwar.post(plugin.getString("readerBefore"), "5000100", "تعليق بمفتاح سابق");
            // Roles: an editor moderates, a subscriber does not; a token Hiwar does not trust is refused.
            given().baseUri(hiwar.base()).header("Authorization", "Bearer " + plugin.getString("editor")).get("/api/v1/moderation/counts")
                    .then().statusCode(200);
            given().baseUri(hiwar.base()).header("Authorization", "Bearer " + reader).get("/api/v1/moderation/counts").then().statusCode(403);
            given().baseUri(hiwar.base()).header("Authorization", "Bearer " + Tokens.reader(Tokens.newSubject())).get("/api/v1/me")
                    .then().statusCode(401);
        }
    }
}
