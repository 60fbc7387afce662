package com.hiwar.moderation.surge;

import com.hiwar.article.Article;
import com.hiwar.article.ArticleService;
import com.hiwar.audit.Audit;
import com.hiwar.auth.Actor;
import com.hiwar.moderation.rules.SurgeStep;
import com.hiwar.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The moderators' side of the autopilot: the hot articles panel, pins, releases and per-article thresholds. */
@ApplicationScoped
class HotArticles {

    static final int MAX_LISTED = 50;

    /** A step's thresholds for one article; null fields keep the site's. */
    public record ThresholdOverride(Integer commentsPerMinute, Integer reportsPerMinute, Double heldShare,
                                    Integer newCommentersPerMinute) {}

    /**
     * {@code pin}: normal, slow, held or closed to hold the article there, "none" to hand it back to
     * the autopilot; null leaves it. {@code thresholds}: per step (slow, held, closed); an empty
     * object clears the article's own. {@code reason} goes to the audit log.
     */
    public record Update(String pin, Map<String, ThresholdOverride> thresholds, String reason) {}

    public record Hot(String articleId, String title, String url, String section, String step, Instant since, String pinned,
                      Surges.Figures figures, String reaches, Map<String, Surges.Thresholds> thresholds, long waitSeconds) {}

    @Inject
    Surges surges;

    @Inject
    ArticleService articles;

    /** Busy, pinned and recently active articles of the moderator's desks: the most advanced step first, then the most comments. */
    public List<Hot> list(Actor moderator) {
        List<String> ids = surges.recentArticles(MAX_LISTED);
        Map<String, Article> byId = articles.byIds(ids);
        List<Hot> out = new ArrayList<>();
        for (String id : ids) {
            Article a = byId.get(id);
            if (a != null && moderator.covers(a.section)) {
                out.add(hot(id, a));
            }
        }
        out.sort((a, b) -> {
            int steps = SurgeStep.parse(b.step()).orElseThrow().compareTo(SurgeStep.parse(a.step()).orElseThrow());
            return steps != 0 ? steps : Double.compare(b.figures().commentsPerMinute(), a.figures().commentsPerMinute());
        });
        return out.size() > MAX_LISTED ? out.subList(0, MAX_LISTED) : out;
    }

    public Hot get(String articleId, Actor moderator) {
        Article a = articles.peek(articleId).orElseThrow(() -> ProblemException.notFound("Article", articleId));
        moderator.requireDesk(a.section);
        return hot(articleId, a);
    }

    private Hot hot(String id, Article a) {
        Surges.Outcome o = surges.peek(id);
        Surges.Setting s = surges.setting(id);
        Map<String, Surges.Thresholds> thresholds = new LinkedHashMap<>();
        surges.thresholds(id).forEach((step, t) -> thresholds.put(step.wire(), t));
        return new Hot(id, a == null ? null : a.title, a == null ? null : a.url, a == null ? null : a.section, o.after().wire(),
                o.after() == SurgeStep.NORMAL ? null : o.since(), s == null || s.pinned() == null ? null : s.pinned().wire(),
                o.figures(), o.level().wire(), thresholds, surges.waitSeconds(o.after()));
    }

    /** Stores the moderator's pin and thresholds; the caller applies them once committed ({@link Surges#settingsChanged}). */
    @Transactional
    public void update(String articleId, Update u, String moderator) {
        if (u == null || (u.pin() == null && u.thresholds() == null)) {
            throw ProblemException.invalid("body", "set pin, thresholds or both");
        }
        SurgeSetting s = SurgeSetting.findById(articleId);
        boolean fresh = s == null;
        if (fresh) {
            s = new SurgeSetting();
            s.articleId = articleId;
        }
        Map<String, Object> details = new HashMap<>();
        if (u.pin() != null) {
            if (u.pin().equals("none")) {
                s.pinnedStep = null;
            } else {
                s.pinnedStep = SurgeStep.parse(u.pin()).orElseThrow(() ->
                        ProblemException.invalid("pin", "must be normal, slow, held, closed or none")).wire();
            }
            details.put("pin", u.pin());
        }
        if (u.thresholds() != null) {
            s.thresholds = validated(u.thresholds());
            details.put("thresholds", s.thresholds);
        }
        s.updatedBy = moderator;
        s.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (fresh) {
            s.persist();
        }
        Audit.record(moderator, u.pin() != null && u.pin().equals("none") ? "surge-release" : "surge-settings",
                null, null, articleId, u.reason(), details);
    }

    private static Map<String, Map<String, Number>> validated(Map<String, ThresholdOverride> in) {
        Map<String, Map<String, Number>> out = new LinkedHashMap<>();
        in.forEach((step, t) -> {
            SurgeStep parsed = SurgeStep.parse(step).filter(p -> p != SurgeStep.NORMAL).orElseThrow(() ->
                    ProblemException.invalid("thresholds", "steps are slow, held and closed, not " + step));
            if (t == null) {
                return;
            }
            Map<String, Number> figures = new LinkedHashMap<>();
            put(figures, "commentsPerMinute", t.commentsPerMinute());
            put(figures, "reportsPerMinute", t.reportsPerMinute());
            put(figures, "newCommentersPerMinute", t.newCommentersPerMinute());
            if (t.heldShare() != null) {
                if (t.heldShare() < 0 || t.heldShare() > 1) {
                    throw ProblemException.invalid("thresholds." + step + ".heldShare", "must be 0 to 1");
                }
                figures.put("heldShare", t.heldShare());
            }
            out.put(parsed.wire(), figures);
        });
        return out;
    }

    private static void put(Map<String, Number> figures, String name, Integer value) {
        if (value != null) {
            if (value < 0 || value > 1_000_000) {
                throw ProblemException.invalid("thresholds." + name, "must be 0 (off) to 1000000 per minute");
            }
            figures.put(name, value);
        }
    }
}
