package com.hiwar.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading the one-file bundles the service joins from script modules. */
public final class Bundles {

    private static final Pattern SETTINGS = Pattern.compile("const SETTINGS = (\\{.*?\\});");

    private Bundles() {}

    /** The settings the service filled into the bundle. */
    public static JsonObject settings(String js) {
        Matcher m = SETTINGS.matcher(js);
        assertTrue(m.find(), "the bundle declares SETTINGS");
        return new JsonObject(m.group(1));
    }

    public static int occurrences(String text, String needle) {
        return text.split(Pattern.quote(needle), -1).length - 1;
    }
}
