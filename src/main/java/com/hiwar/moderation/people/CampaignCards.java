package com.hiwar.moderation.people;

import com.hiwar.article.Article;
import com.hiwar.article.ArticleService;
import com.hiwar.audit.Audit;
import com.hiwar.auth.Actor;
import com.hiwar.comment.CommentStatus;
import com.hiwar.comment.CommentStore;
import com.hiwar.moderation.campaign.Campaigns;
import com.hiwar.moderation.queue.ModerationQueue;
import com.hiwar.moderation.queue.ModeratorActions;
import com.hiwar.moderation.queue.QueueItem;
import com.hiwar.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Campaigns as moderators see them: one card per group of near-identical comments, and one
 * decision for the whole group. Each comment is decided on its own version in its own
 * transaction, as in bulk decisions, so each lands in the audit log; accounts are banned one by
 * one with the usual rules (only admins ban staff).
 */
@ApplicationScoped
class CampaignCards {

    static final int MAX_MEMBERS_SHOWN = 200;
    static final List<String> ACTIONS = List.of("approve", "reject", "reject-and-ban");

    /** {@code members}: how many comments the moderator saw on the card; a campaign that grew since is refused. */
    public record Decision(String action, String reason, Long members) {}

    public record Card(long id, String status, String sample, long members, long accounts, long pending, List<String> articles,
                       java.time.Instant firstAt, java.time.Instant lastAt, String decidedBy, java.time.Instant decidedAt,
                       List<QueueItem> comments) {}

    public record Outcome(Card campaign, List<ModeratorActions.BulkResult> results, List<Long> banned,
                          Map<Long, String> notBanned) {}

    @Inject
    Campaigns campaigns;

    @Inject
    ModerationQueue queue;

    @Inject
    ModeratorActions actions;

    @Inject
    ModeratedUsers users;

    @Inject
    CommentStore comments;

    @Inject
    ArticleService articles;

    /** Campaigns a desk moderator sees lie wholly within their desks; one spanning desks is for those who see all. */
    @Transactional
    public List<Card> list(boolean all, Actor moderator) {
        List<Card> out = new ArrayList<>();
        for (Campaigns.Summary s : campaigns.list(all, 50)) {
            if (covers(s, moderator)) {
                out.add(card(s, false));
            }
        }
        return out;
    }

    @Transactional
    public Card get(long id, Actor moderator) {
        Campaigns.Summary s = campaigns.get(id);
        if (!covers(s, moderator)) {
            throw ProblemException.forbidden("outside-desk", "Outside your desks",
                    "Campaign " + id + " reaches articles outside your desks");
        }
        return card(s, true);
    }

    private boolean covers(Campaigns.Summary s, Actor moderator) {
        if (moderator.deskScope() == null) {
            return true;
        }
        Map<String, Article> byId = articles.byIds(s.articles());
        return s.articles().stream().allMatch(a -> byId.containsKey(a) && moderator.covers(byId.get(a).section));
    }

    private Card card(Campaigns.Summary s, boolean withComments) {
        List<Long> ids = campaigns.members(s.id()).stream().map(Campaigns.Member::commentId).toList();
        List<QueueItem> items = queue.items(withComments ? ids.subList(0, Math.min(ids.size(), MAX_MEMBERS_SHOWN))
                : ids.isEmpty() ? List.of() : List.of(ids.get(0)));
        String sample = items.stream().map(QueueItem::body).filter(b -> b != null && !b.isEmpty()).findFirst().orElse(null);
        long pending = comments.countWithStatus(ids, CommentStatus.PENDING);
        return new Card(s.id(), s.status(), sample, s.members(), s.accounts(), pending, s.articles(), s.firstAt(), s.lastAt(),
                s.decidedBy(), s.decidedAt(), withComments ? items : null);
    }

    public Outcome decide(long id, Decision d, Actor moderator) {
        if (d == null || d.action() == null || !ACTIONS.contains(d.action())) {
            throw ProblemException.invalid("action", "must be approve, reject or reject-and-ban");
        }
        boolean approve = d.action().equals("approve");
        if (!approve && (d.reason() == null || !ModeratorActions.REJECT_REASONS.contains(d.reason()))) {
            throw ProblemException.invalid("reason", "reject needs one of " + String.join(", ", ModeratorActions.REJECT_REASONS));
        }
        QuarkusTransaction.requiringNew().run(() -> {
            get(id, moderator);
            campaigns.lockForDecision(id, d.members());
        });
        List<Campaigns.Member> members = QuarkusTransaction.requiringNew().call(() -> campaigns.members(id));
        List<QueueItem> items = QuarkusTransaction.requiringNew().call(() ->
                queue.items(members.stream().map(Campaigns.Member::commentId).toList()));
        List<ModeratorActions.DecisionRequest> requests = new ArrayList<>();
        for (QueueItem item : items) {
            String status = item.status();
            boolean due = !status.equals(CommentStatus.DELETED.wire())
                    && (approve ? !status.equals(CommentStatus.PUBLISHED.wire()) || item.openReports() > 0
                    : !status.equals(CommentStatus.REJECTED.wire()));
            if (due) {
                requests.add(new ModeratorActions.DecisionRequest(item.id(), approve ? "approve" : "reject",
                        approve ? null : d.reason(), item.version()));
            }
        }
        List<ModeratorActions.BulkResult> results = new ArrayList<>();
        for (int from = 0; from < requests.size(); from += 100) {
            results.addAll(actions.decideAll(requests.subList(from, Math.min(requests.size(), from + 100)), moderator));
        }
        List<Long> banned = new ArrayList<>();
        Map<Long, String> notBanned = new LinkedHashMap<>();
        if (d.action().equals("reject-and-ban")) {
            Set<Long> authors = new LinkedHashSet<>();
            members.stream().map(Campaigns.Member::authorId).filter(Objects::nonNull).forEach(authors::add);
            for (long author : authors) {
                try {
                    users.ban(author, new ModeratedUsers.Ban(null, false, "campaign " + id), moderator);
                    banned.add(author);
                } catch (ProblemException e) {
                    notBanned.put(author, e.getMessage());
                }
            }
        }
        long decided = results.stream().filter(r -> r.status() == 200).count();
        QuarkusTransaction.requiringNew().run(() -> {
            campaigns.decided(id, approve ? "approved" : "rejected", moderator.subject());
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("campaign", id);
            details.put("action", d.action());
            details.put("comments", decided);
            details.put("failed", results.size() - decided);
            details.put("banned", banned.size());
            Audit.record(moderator.subject(), "campaign-decision", null, null, null, d.reason(), details);
        });
        return new Outcome(get(id, moderator), results, banned, notBanned);
    }
}
