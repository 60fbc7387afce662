package com.hiwar.widget;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hiwar.comment.CommentsConfig;
import com.hiwar.report.Reports;
import com.hiwar.report.ReportsConfig;
import com.hiwar.support.Bundles;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The widget and the dashboard are written as modules by concern and shipped as one file each,
 * with the limits and reason lists of the running service instead of copies in JavaScript.
 * (The dashboard's bundle: moderation.queue.DashboardBundleTest.)
 */
@QuarkusTest
class WidgetBundleTest {

    @Inject
    CommentsConfig comments;

    @Inject
    ReportsConfig reports;

    @Test
    void embedJsIsOneScopeJoinedFromItsModulesWithTheServicesLimits() {
        String js = given().get("/embed.js").then().statusCode(200).contentType("text/javascript").extract().asString();
        assertTrue(js.startsWith("(() => {\n'use strict';"), "one function scope, strict");
        assertTrue(js.endsWith("})();\n"));
        assertFalse(js.contains("__HIWAR_"), "every placeholder filled");
        assertEquals(1, Bundles.occurrences(js, "function el("), "one DOM helper");
        for (String module : WidgetResource.MODULES) {
            assertTrue(js.contains(firstLine(module)), module + " is in the bundle");
        }
        JsonObject settings = Bundles.settings(js);
        assertEquals(comments.maxLength(), settings.getInteger("maxLength"));
        assertEquals(comments.minLength(), settings.getInteger("minLength"));
        assertEquals(reports.noteMaxLength(), settings.getInteger("reportNoteMaxLength"));
        assertEquals(Reports.REASONS, settings.getJsonArray("reportReasons").getList());
    }

    @Test
    void noModuleCopiesALimitOrAReasonList() throws IOException {
        try (Stream<Path> files = Stream.of("widget/modules", "dashboard/modules", "web")
                .flatMap(dir -> list(Path.of("src/main/resources", dir)))) {
            for (Path file : files.toList()) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                assertFalse(source.contains("5000") || source.contains("٥٠٠٠"), file + " copies the length limit");
                assertFalse(source.contains("['spam'"), file + " copies a reason list");
            }
        }
    }

    private static Stream<Path> list(Path dir) {
        try {
            return Files.list(dir).filter(f -> f.toString().endsWith(".js")).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String firstLine(String resource) {
        try {
            return Files.readAllLines(Path.of("src/main/resources", resource), StandardCharsets.UTF_8).get(0);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
