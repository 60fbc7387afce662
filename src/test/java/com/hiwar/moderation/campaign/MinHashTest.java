package com.hiwar.moderation.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hiwar.support.CampaignText;
import com.hiwar.text.MatchNormalizer;
import org.junit.jupiter.api.Test;

/** The signature folds what spelling tricks change, and keeps different messages apart. */
class MinHashTest {

    static int[] sig(String text) {
        return MinHash.signature(MinHash.words(MatchNormalizer.normalize(text)));
    }

    @Test
    void everySpellingOfTheMessageIsNearTheOriginal() {
        int[] original = sig(CampaignText.SPELLINGS.get(0));
        for (String s : CampaignText.SPELLINGS) {
            assertTrue(MinHash.similarity(original, sig(s)) >= 0.6, s);
        }
    }

    @Test
    void arabicAndArabiziSpellingsOfAWordSoundAlike() {
        assertEquals(SoundSkeleton.of("حكومه"), SoundSkeleton.of("7okoma"));
        assertEquals(SoundSkeleton.of("تصدقوا"), SoundSkeleton.of("tsada2o"));
        assertEquals(SoundSkeleton.of("اسعار"), SoundSkeleton.of("as3ar"));
        assertEquals("", SoundSkeleton.of("el"));
    }

    @Test
    void differentMessagesStayApart() {
        int[] campaign = sig(CampaignText.SPELLINGS.get(0));
        for (String other : new String[] {
                "المنتخب لعب مباراة رائعة أمس والجمهور كان سعيدا جدا بالنتيجة",
                "الحكومة أعلنت اليوم خطة جديدة لدعم أسعار الخبز في المحافظات",
                "the government statement today about prices was clear and honest"}) {
            assertTrue(MinHash.similarity(campaign, sig(other)) < 0.3, other);
        }
    }
}
