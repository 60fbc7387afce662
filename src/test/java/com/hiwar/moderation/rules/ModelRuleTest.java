package com.hiwar.moderation.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hiwar.moderation.Offline;
import com.hiwar.moderation.model.ActiveModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model as a rule: thresholds decide, trusted authors are only held, and every reason explains itself. */
class ModelRuleTest {

    static final String INSULT = "يا ابن الكلب يا حقير يا واطي";
    static final String NEWS = "وزارة الصحة أعلنت افتتاح مستشفى جديد في المحافظة";

    static Verdict decide(ModelRule rule, String text, Submission.Author author) {
        return rule.evaluate(Submission.of(text, author, false));
    }

    static ModelRule rule(double rejectAt, double holdAt) {
        return new ModelRule(Offline::shipped, new ModelRule.Thresholds(rejectAt, holdAt));
    }

    @Test
    void scoresAboveTheThresholdsRejectOrHold() {
        double score = Offline.shipped().model().score(INSULT);
        assertTrue(score > 0.8, "the insult scores " + score);
        assertEquals(Decision.REJECT, decide(rule(0.68, 0.6), INSULT, Offline.ESTABLISHED).decision());
        assertEquals(Decision.PENDING, decide(rule(0.99, 0.6), INSULT, Offline.ESTABLISHED).decision());
        assertEquals(Decision.PUBLISH, decide(rule(0.99, 0.99), INSULT, Offline.ESTABLISHED).decision());
        assertEquals(Decision.PUBLISH, decide(rule(0.68, 0.6), NEWS, Offline.ESTABLISHED).decision());
    }

    @Test
    void trustedReadersAndModeratorsAreOnlyEverHeld() {
        Submission.Author trusted = Offline.author(true, false, false, 100, false);
        Submission.Author moderator = Offline.author(false, true, false, 100, false);
        Verdict t = decide(rule(0.68, 0.6), INSULT, trusted);
        assertEquals(Decision.PENDING, t.decision());
        assertTrue(t.reasons().get(0).message().contains("trusted"), t.reasons().get(0).message());
        assertEquals(Decision.PENDING, decide(rule(0.68, 0.6), INSULT, moderator).decision());
        // In the whole pipeline too, where soft rules are skipped for them.
        assertEquals(Decision.PENDING, Offline.defaults().evaluate(Submission.of(INSULT, trusted, false)).decision());
    }

    @Test
    void reasonsNameTheRuleScoreVersionAndSpansOfTheOriginalText() {
        String body = "مقال جيد، لكن الكاتب حَقِـيــر وكلب";
        Submission s = Submission.of(body, Offline.ESTABLISHED, false);
        Verdict v = rule(0.68, 0.5).evaluate(s);
        List<Reason> reasons = v.reasons();
        assertTrue(!reasons.isEmpty() && reasons.size() <= ModelRule.SPANS);
        for (Reason r : reasons) {
            assertEquals("model", r.rule());
            assertEquals(1L, r.modelVersion());
            assertNotNull(r.score());
            assertEquals(s.modelScore(), r.score(), 1e-4);
            assertEquals(body.substring(r.start(), r.end()), r.term());
            assertTrue(r.message().startsWith("Model v1 scored"), r.message());
        }
        assertTrue(reasons.stream().anyMatch(r -> r.term().contains("حَقِـيــر") || r.term().contains("كلب")));
    }

    @Test
    void scoresAreWrittenWithTwoDecimals() {
        assertEquals("0.62", ModelRule.two(0.62));
        assertEquals("0.05", ModelRule.two(0.0517));
        assertEquals("1.00", ModelRule.two(0.9999));
        assertEquals("0.00", ModelRule.two(0));
        assertEquals("0.90", ModelRule.two(0.9));
    }

    @Test
    void thePublishedAreScoredToo() {
        Submission s = Submission.of(NEWS, Offline.ESTABLISHED, false);
        assertEquals(Decision.PUBLISH, rule(0.68, 0.6).evaluate(s).decision());
        assertEquals(1L, s.modelVersion());
        assertTrue(s.modelScore() < 0.6);
        // No model loaded yet: the rule stands aside.
        Submission none = Submission.of(INSULT, Offline.ESTABLISHED, false);
        assertEquals(Decision.PUBLISH, new ModelRule(() -> (ActiveModel) null,
                new ModelRule.Thresholds(0.68, 0.6)).evaluate(none).decision());
        assertTrue(Double.isNaN(none.modelScore()));
    }
}
