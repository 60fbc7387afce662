package com.hiwar.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.hiwar.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** The stored form of user text: what is kept, what is stripped, what is refused. */
class TextSanitizerTest {

    private static String clean(String s) {
        return TextSanitizer.clean(s, "body", 1, 50);
    }

    @Test
    void normalizesToNfcAndLineFeeds() {
        assertEquals("é\nb\nc", clean("e\u0301\r\nb\rc"));
    }

    @Test
    void stripsEveryBidiEmbeddingOverrideAndIsolate() {
        StringBuilder all = new StringBuilder("x");
        for (int cp = 0x202A; cp <= 0x202E; cp++) {
            all.appendCodePoint(cp);
        }
        for (int cp = 0x2066; cp <= 0x2069; cp++) {
            all.appendCodePoint(cp);
        }
        assertEquals("xy", clean(all.append("y").toString()));
    }

    @Test
    void keepsMarksArabicNeeds() {
        String kept = "a\u200Eb\u200Fc\u061Cd\u200De\u200Cf";
        assertEquals(kept, clean(kept));
    }

    @Test
    void refusesControlsNoncharactersAndLoneSurrogates() {
        for (String bad : new String[] {"a\u0000", "a\u0008", "a\u007F", "a\u0085", "a\uFFFF", "a\uFDD0", "a\uD800b", "\uDC00"}) {
            assertThrows(ProblemException.class, () -> clean(bad), () -> "should refuse " + bad.codePoints().boxed().toList());
        }
    }

    @Test
    void countsCodePointsNotUtf16Units() {
        assertEquals(50, clean("𝔸".repeat(50)).codePointCount(0, 100));
        assertThrows(ProblemException.class, () -> clean("𝔸".repeat(51)));
    }

    @Test
    void directionComesFromTheFirstStrongCharacter() {
        assertEquals("rtl", TextSanitizer.direction("مرحبا hello"));
        assertEquals("ltr", TextSanitizer.direction("hello مرحبا"));
        assertEquals("ltr", TextSanitizer.direction("2024: Hello"));
        assertEquals("rtl", TextSanitizer.direction("١٢٣ ؟ ..."));
        assertEquals("rtl", TextSanitizer.direction("עברית"));
    }

    @Test
    void labelsAreCleanedAndCutNeverRefused() {
        assertEquals("Layla M", TextSanitizer.cleanLabel("Layla\u202E\nM\u0000", 80));
        assertEquals("ليلى", TextSanitizer.cleanLabel("\u2067ليلى\u2069", 80));
        assertEquals("abc", TextSanitizer.cleanLabel("abcdef", 3));
        assertNull(TextSanitizer.cleanLabel("  ", 3));
    }
}
