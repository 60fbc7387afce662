package com.hiwar.comment;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@Entity
@Table(name = "comments")
public class Comment extends PanacheEntityBase {

    /**
     * What a reader may see: published comments, their own pending ones, and deleted ones
     * that still carry replies (shown as a placeholder). {@code :viewer} is -1 for anonymous readers.
     */
    static final String VISIBLE = """
            (c.status = 'published'
             or (c.status = 'pending' and c.author_id = :viewer)
             or (c.status = 'deleted' and exists (
                    select 1 from comments r where r.parent_id = c.id and r.status in ('published', 'deleted'))))""";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "article_id")
    public String articleId;
    @Column(name = "author_id")
    public Long authorId;
    @Column(name = "parent_id")
    public Long parentId;
    public int depth;
    public CommentStatus status;
    public String body;
    public String dir;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "edited_at")
    public Instant editedAt;
    @Column(name = "deleted_at")
    public Instant deletedAt;
    @Version
    public int version;
    public boolean featured;
    @Column(name = "open_reports")
    public int openReports;
    /** The body normalized for matching (diacritics, letter variants folded), for moderator search. */
    @Column(name = "search_text")
    public String searchText;
    @Column(name = "claimed_by")
    public String claimedBy;
    @Column(name = "claim_expires_at")
    public Instant claimExpiresAt;

    boolean isVisibleTo(long viewer) {
        return switch (status) {
            case PUBLISHED -> true;
            case PENDING -> authorId != null && authorId == viewer;
            case DELETED -> hasVisibleReplies(id);
            case REJECTED -> false;
        };
    }

    private static boolean hasVisibleReplies(long id) {
        return count("parentId = ?1 and status in ?2", id,
                List.of(CommentStatus.PUBLISHED, CommentStatus.DELETED)) > 0;
    }

    /** Featured published top-level comments of an article, newest first. */
    static List<Comment> featured(String articleId, int limit) {
        return find("articleId = ?1 and parentId is null and featured = true and status = ?2 order by createdAt desc",
                articleId, CommentStatus.PUBLISHED).page(0, limit).list();
    }

    /** One keyset page of top-level comments, fetching one extra row to know whether more follow. */
    static List<Comment> topLevelPage(String articleId, long viewer, Cursor after, boolean newestFirst, int limit) {
        return keysetPage("c.article_id = :scope and c.parent_id is null", articleId, viewer, after, newestFirst, limit);
    }

    /** Replies to one comment, oldest first, after the cursor. */
    static List<Comment> repliesPage(long parentId, long viewer, Cursor after, int limit) {
        return keysetPage("c.parent_id = :scope", parentId, viewer, after, false, limit);
    }

    private static List<Comment> keysetPage(String scope, Object scopeValue, long viewer, Cursor after,
                                            boolean descending, int limit) {
        String order = descending ? "desc" : "asc";
        String sql = "select c.* from comments c where " + scope + " and " + VISIBLE
                + (after == null ? "" : " and (c.created_at, c.id) " + (descending ? "<" : ">") + " (:at, :id)")
                + " order by c.created_at " + order + ", c.id " + order + " limit :limit";
        var query = getEntityManager().createNativeQuery(sql, Comment.class)
                .setParameter("scope", scopeValue)
                .setParameter("viewer", viewer)
                .setParameter("limit", limit);
        if (after != null) {
            query.setParameter("at", after.createdAt()).setParameter("id", after.id());
        }
        @SuppressWarnings("unchecked")
        List<Comment> rows = query.getResultList();
        return rows;
    }

    /** The first {@code perParent} visible replies of each parent, oldest first, in one query. */
    static List<Comment> firstReplies(Collection<Long> parentIds, long viewer, int perParent) {
        if (parentIds.isEmpty() || perParent <= 0) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Comment> rows = getEntityManager().createNativeQuery("""
                select c.* from comments c join (
                    select c.id, row_number() over (partition by c.parent_id order by c.created_at, c.id) as rn
                    from comments c where c.parent_id in (:parents) and %s
                ) firsts on firsts.id = c.id and firsts.rn <= :n
                order by c.created_at, c.id""".formatted(VISIBLE), Comment.class)
                .setParameter("parents", parentIds)
                .setParameter("viewer", viewer)
                .setParameter("n", perParent)
                .getResultList();
        return rows;
    }

    /** Visible direct replies per parent, for the given parents. */
    static Map<Long, Long> replyCounts(Collection<Long> parentIds, long viewer) {
        Map<Long, Long> counts = new HashMap<>();
        if (parentIds.isEmpty()) {
            return counts;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery(
                "select c.parent_id, count(*) from comments c where c.parent_id in (:parents) and " + VISIBLE
                        + " group by c.parent_id")
                .setParameter("parents", parentIds)
                .setParameter("viewer", viewer)
                .getResultList();
        rows.forEach(r -> counts.put(((Number) r[0]).longValue(), ((Number) r[1]).longValue()));
        return counts;
    }

    static long publishedCount(String articleId) {
        return count("articleId = ?1 and status = ?2", articleId, CommentStatus.PUBLISHED);
    }
}
