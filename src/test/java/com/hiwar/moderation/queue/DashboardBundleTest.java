package com.hiwar.moderation.queue;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hiwar.support.Bundles;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The dashboard ships as one file joined from its modules, with the service's reject reasons in their order. */
@QuarkusTest
class DashboardBundleTest {

    @Test
    void theDashboardIsOneScopeWithTheServicesRejectReasons() {
        String js = given().get("/moderation/dashboard.js").then().statusCode(200).contentType("text/javascript")
                .extract().asString();
        assertTrue(js.startsWith("(() => {\n'use strict';"));
        assertFalse(js.contains("__HIWAR_"));
        assertEquals(1, Bundles.occurrences(js, "function el("), "one DOM helper, shared with the widget");
        for (String module : DashboardResource.MODULES) {
            assertTrue(module.startsWith("web/") || module.startsWith("dashboard/modules/"), module);
        }
        assertEquals(ModeratorActions.REJECT_REASONS, Bundles.settings(js).getJsonArray("rejectReasons").getList());
    }
}
