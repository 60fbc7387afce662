package com.hiwar.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every evasion in the rule table folds to the plain word, and every token points back to its span. */
class MatchNormalizerTest {

    private static String full(String text) {
        return MatchNormalizer.normalize(text).full().text();
    }

    @Test
    void arabicVariantsFoldToThePlainWord() {
        List<String> variants = List.of(
                "حمار", "حِمَارٌ", "حـــمـار", "حماااااار", "ح م ا ر", "ح.م.ا.ر", "ح*م*ا*ر", "ﺣﻤﺎﺭ",
                "ح\u200Cم\u200Bا\u200Dر", "حم\u06DAار", "\u202Eحمار\u202C");
        for (String v : variants) {
            assertEquals("حمار", full(v), v);
        }
        assertEquals("احمق", full("أحمق"));
        assertEquals("احمق", full("إحمق"));
        assertEquals("اخر", full("آخر"));
        assertEquals("اسم", full("ٱسم"));
        assertEquals("موتمر", full("مؤتمر"));
        assertEquals("قحبه", full("قحبة"));
        assertEquals("علي", full("على"));
        assertEquals("كلب", full("کلب"));           // Persian keheh
        assertEquals("يلعن", full("یلعن"));         // Persian yeh
        assertEquals("وسخه", full("وسخہ"));         // Urdu heh goal
        assertEquals("لا", full("ﻻ"));
    }

    @Test
    void latinVariantsFoldToo() {
        assertEquals("fuk", full("fuck").replace("c", ""));
        assertEquals(full("fuck"), full("FUCK"));
        assertEquals(full("fuck"), full("ｆｕｃｋ"));
        assertEquals(full("fuck"), full("𝐟𝐮𝐜𝐤"));
        assertEquals(full("fuck"), full("fuсk"));    // Cyrillic es
        assertEquals(full("fuck"), full("fuuuuck"));
        assertEquals(full("fuck"), full("f.u.c.k"));
        assertEquals(full("sharmoota"), full("sharmouta"));
        assertEquals(full("sharmoota"), full("charmouta"));
        assertEquals("a7a", full("a٧a"));            // Arabic-Indic seven
        assertEquals("a7a", full("a۷a"));            // Persian seven
    }

    @Test
    void digitsAndOrdinaryWordsStayApart() {
        assertEquals("2024 22", full("2024 22"));
        assertNotEquals(full("فسخ"), full("وسخ"));
        MatchText m = MatchNormalizer.normalize("فسخ العقد");
        assertEquals("فسخ عقد", m.stripped().text(), "ال comes off, but a 3-letter word keeps its first letter");
    }

    @Test
    void cliticsAndArabiziHaveTheirOwnForms() {
        MatchText m = MatchNormalizer.normalize("والكلب 7mar el7mar kalb");
        assertEquals("والكلب 7mar il7mar kalb", m.full().text());
        assertEquals("كلب", m.tokens().get(0).stripped());
        assertEquals("حمر", m.tokens().get(1).skeleton());
        assertEquals("حمر", m.tokens().get(2).skeleton(), "Arabizi el- is the article");
        assertTrue(m.tokens().get(1).arabizi());
        assertFalse(m.tokens().get(3).arabizi(), "no letter-digit: plain Latin");
        assertEquals("حمر", Arabizi.skeletonOfArabic("حمار"));
        assertEquals("كس عردك", Arabizi.skeletonOfArabic("كس عرضك"));
    }

    @Test
    void tokensPointBackToTheirSpansInTheOriginal() {
        String text = "يا ح.م.ا.ر، أنتَ  كـلـب!";
        MatchText m = MatchNormalizer.normalize(text);
        assertEquals(List.of("يا", "حمار", "انت", "كلب"), m.tokens().stream().map(MatchText.Token::full).toList());
        assertEquals("ح.م.ا.ر", text.substring(m.tokens().get(1).start(), m.tokens().get(1).end()));
        assertEquals("أنتَ", text.substring(m.tokens().get(2).start(), m.tokens().get(2).end()));
        assertEquals("كـلـب", text.substring(m.tokens().get(3).start(), m.tokens().get(3).end()));
        assertEquals(3, m.full().tokenAt(m.full().text().indexOf("كلب")));
    }

    @Test
    void termsAreNormalizedLikeText() {
        assertEquals("كس امك", MatchNormalizer.term("كس أمك"));
        assertEquals(null, MatchNormalizer.term("  ...  "));
    }

    @Test
    void arabicAndArabiziSpellingsShareASkeletonHash() {
        int donkey = MatchNormalizer.skeletonHash(MatchNormalizer.normalize("حمار").tokens().get(0));
        assertEquals(donkey, MatchNormalizer.skeletonHash(MatchNormalizer.normalize("7mar").tokens().get(0)));
        assertEquals(donkey, MatchNormalizer.skeletonHash(MatchNormalizer.normalize("والحمار").tokens().get(0)));
        // The same value the skeleton string would hash to, computed without building it.
        assertEquals(Arabizi.hashOf(Arabizi.skeletonOfArabic("حمار")), donkey);
        assertNotEquals(donkey, MatchNormalizer.skeletonHash(MatchNormalizer.normalize("حلو").tokens().get(0)));
        assertEquals(0, MatchNormalizer.skeletonHash(MatchNormalizer.normalize("و").tokens().get(0)), "too short to mean anything");
    }
}
