package com.hiwar.moderation.campaign;

import com.hiwar.db.Jdbc;
import com.hiwar.db.Row;
import com.hiwar.problem.ProblemException;
import com.hiwar.text.MatchText;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Groups near-identical comments from many accounts. Each comment long enough to tell gets a
 * MinHash signature stored with LSH band keys; a new one is compared with the recent comments
 * sharing a band. When the near-identical group spans enough accounts and articles it becomes a
 * campaign, and every later member is held for one decision on the whole group.
 */
@ApplicationScoped
public class Campaigns {

    /** What a new text matched: its signature, the group it would join, and the campaign that holds it (or null). */
    public record Match(int[] signature, long[] bands, List<Long> similar, Long campaign, boolean holds, int accounts,
                       int articles) {

        static final Match NONE = new Match(null, null, List.of(), null, false, 0, 0);
    }

    /** A campaign card's figures. */
    public record Summary(long id, String status, long members, long accounts, List<String> articles,
                          Instant firstAt, Instant lastAt, String decidedBy, Instant decidedAt) {}

    @Inject
    CampaignConfig config;

    /** Compares a text written by {@code authorId} on {@code articleId} with the recent comments of other accounts. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Match match(MatchText text, long authorId, String articleId, Long self) {
        int[] words = MinHash.words(text);
        if (!config.enabled() || words.length < config.minWords()) {
            return Match.NONE;
        }
        int[] signature = MinHash.signature(words);
        long[] bands = MinHash.bands(signature);
        Instant since = Instant.now().minus(config.window());
        List<Long> similar = new ArrayList<>();
        Set<Long> accounts = new HashSet<>(Set.of(authorId));
        Set<String> articles = new HashSet<>(Set.of(articleId));
        Long campaign = null;
        String campaignStatus = null;
        for (Candidate c : candidates(bands, since, self == null ? -1 : self)) {
            if (MinHash.similarity(signature, c.signature()) >= config.similarity()) {
                similar.add(c.commentId());
                if (c.authorId() != null) {
                    accounts.add(c.authorId());
                }
                articles.add(c.articleId());
                if (c.campaign() != null && (campaign == null || c.campaign() < campaign)) {
                    campaign = c.campaign();
                    campaignStatus = c.campaignStatus();
                }
            }
        }
        boolean big = accounts.size() >= config.accounts() && articles.size() >= config.articles();
        // A campaign moderators approved holds no one; one they rejected keeps holding its new members.
        boolean holds = campaign != null ? !"approved".equals(campaignStatus) : big;
        return new Match(signature, bands, similar, campaign, holds && (campaign != null || big), accounts.size(), articles.size());
    }

    private record Candidate(long commentId, Long authorId, String articleId, Long campaign, String campaignStatus, int[] signature) {}

    private List<Candidate> candidates(long[] bands, Instant since, long self) {
        return Jdbc.list("""
                select s.comment_id, s.author_id, s.article_id, s.campaign_id, c.status, s.minhash
                from campaign_signatures s left join campaigns c on c.id = s.campaign_id
                where s.bands && ? and s.created_at > ? and s.comment_id <> ?
                order by s.created_at desc limit ?""", s -> {
            s.setArray(1, s.getConnection().createArrayOf("bigint", box(bands)));
            s.setObject(2, since.atOffset(ZoneOffset.UTC));
            s.setLong(3, self);
            s.setInt(4, config.maxCandidates());
        }, r -> {
            Array sig = r.getArray(6);
            Integer[] boxed = (Integer[]) sig.getArray();
            int[] signature = new int[boxed.length];
            for (int i = 0; i < boxed.length; i++) {
                signature[i] = boxed[i];
            }
            long author = r.getLong(2);
            Long authorId = r.wasNull() ? null : author;
            long campaign = r.getLong(4);
            Long campaignId = r.wasNull() ? null : campaign;
            return new Candidate(r.getLong(1), authorId, r.getString(3), campaignId, r.getString(5), signature);
        });
    }

    /**
     * Stores the comment's signature and, when its group just became a campaign, the campaign
     * with every member so far. Runs in the comment's transaction; an edit replaces the signature.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Long record(Match m, long commentId, long authorId, String articleId, boolean edited) {
        if (m.signature() == null) {
            if (edited) { // an edit too short to compare leaves the index; a new comment was never in it
                Jdbc.update("delete from campaign_signatures where comment_id = ?", s -> s.setLong(1, commentId));
            }
            return null;
        }
        Long campaign = m.campaign();
        if (campaign == null && m.accounts() >= config.accounts() && m.articles() >= config.articles()) {
            campaign = ((Number) Panache.getEntityManager().createNativeQuery(
                    "insert into campaigns default values returning id").getSingleResult()).longValue();
        }
        Long campaignId = campaign;
        Jdbc.update("""
                insert into campaign_signatures (comment_id, article_id, author_id, campaign_id, bands, minhash)
                values (?, ?, ?, ?, ?, ?)
                on conflict (comment_id) do update set campaign_id = coalesce(campaign_signatures.campaign_id, excluded.campaign_id),
                    bands = excluded.bands, minhash = excluded.minhash""", s -> {
            s.setLong(1, commentId);
            s.setString(2, articleId);
            s.setLong(3, authorId);
            s.setObject(4, campaignId, java.sql.Types.BIGINT);
            s.setArray(5, s.getConnection().createArrayOf("bigint", box(m.bands())));
            Integer[] sig = new Integer[m.signature().length];
            for (int i = 0; i < sig.length; i++) {
                sig[i] = m.signature()[i];
            }
            s.setArray(6, s.getConnection().createArrayOf("integer", sig));
        });
        if (campaignId != null && !m.similar().isEmpty()) {
            Jdbc.update("update campaign_signatures set campaign_id = ? where comment_id = any(?) and campaign_id is null", s -> {
                s.setLong(1, campaignId);
                s.setArray(2, Jdbc.ids(s, m.similar()));
            });
        }
        return campaignId;
    }

    /** Open campaigns (and recently decided ones), the latest activity first. */
    public List<Summary> list(boolean includeDecided, int limit) {
        return summaries(includeDecided ? "true" : "c.status = 'open'", null, limit);
    }

    public Summary get(long id) {
        return summaries("c.id = :id", id, 1).stream().findFirst().orElseThrow(() -> ProblemException.notFound("Campaign", id));
    }

    private List<Summary> summaries(String where, Long id, int limit) {
        var query = Panache.getEntityManager().createNativeQuery("""
                select c.id, c.status, c.decided_by, c.decided_at, count(s.comment_id) as members,
                       count(distinct s.author_id) as accounts, array_agg(distinct s.article_id) as articles,
                       min(s.created_at) as first_at, max(s.created_at) as last_at
                from campaigns c join campaign_signatures s on s.campaign_id = c.id
                where %s group by c.id order by max(s.created_at) desc limit :n""".formatted(where), Tuple.class)
                .setParameter("n", limit);
        if (id != null) {
            query.setParameter("id", id);
        }
        return Row.all(query).stream().map(r -> new Summary(r.number("id"), r.text("status"),
                r.number("members"), r.number("accounts"), List.of((String[]) r.get("articles")), r.instant("first_at"),
                r.instant("last_at"), r.text("decided_by"), r.instant("decided_at"))).toList();
    }

    /** The campaign's comments, oldest first, and their authors. */
    public record Member(long commentId, Long authorId, String articleId) {}

    public List<Member> members(long id) {
        return Row.all(Panache.getEntityManager().createNativeQuery("""
                select comment_id, author_id, article_id from campaign_signatures where campaign_id = :id
                order by created_at, comment_id""", Tuple.class).setParameter("id", id))
                .stream().map(r -> new Member(r.number("comment_id"), r.get("author_id") == null ? null : r.number("author_id"),
                        r.text("article_id"))).toList();
    }

    /**
     * Locks the campaign for a decision on the members the moderator saw: a group that grew since
     * is refused (they decide again on what it is now).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockForDecision(long id, Long membersSeen) {
        List<?> found = Panache.getEntityManager().createNativeQuery("select id from campaigns where id = :id for update")
                .setParameter("id", id).getResultList();
        if (found.isEmpty()) {
            throw ProblemException.notFound("Campaign", id);
        }
        long members = members(id).size();
        if (membersSeen != null && membersSeen != members) {
            throw ProblemException.conflict("stale-version", "The campaign changed",
                    "Campaign " + id + " has " + members + " comments now, you saw " + membersSeen + "; look again before deciding");
        }
    }

    /** Records the group decision: approved campaigns hold no one any more, rejected ones keep holding. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void decided(long id, String status, String moderator) {
        Panache.getEntityManager().createNativeQuery("""
                update campaigns set status = :s, decided_by = :m, decided_at = now() where id = :id""")
                .setParameter("s", status).setParameter("m", moderator).setParameter("id", id).executeUpdate();
    }

    @io.quarkus.scheduler.Scheduled(every = "1h", delayed = "10m")
    void purgeHourly() {
        purge();
    }

    /** Purges signatures past twice the window (campaign members stay, for the card). */
    @Transactional
    public int purge() {
        return Panache.getEntityManager().createNativeQuery("""
                delete from campaign_signatures where campaign_id is null and created_at < :before""")
                .setParameter("before", Instant.now().minus(config.window()).minus(config.window())).executeUpdate();
    }

    private static Long[] box(long[] values) {
        Long[] out = new Long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
