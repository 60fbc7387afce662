package com.hiwar.comment;

import com.hiwar.db.Cursor;
import com.hiwar.db.Row;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Tuple;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

@Entity
@Table(name = "comments")
public class Comment extends PanacheEntityBase {

    /**
     * What a reader may see, defined once (every page, thread and single read uses it): public
     * comments ({@code comment_is_public}), their own pending and hidden ones, and deleted ones
     * that still carry replies (shown as a placeholder). {@code :viewer} is -1 for anonymous readers.
     */
    // "offset 0" keeps the exists a per-row index probe: without it PostgreSQL hashes the subquery,
    // a scan of every comment whenever a deleted one falls in the page (33 ms at 100,000 comments).
    static final String VISIBLE = """
            (comment_is_public(c.status, c.hidden)
             or (c.status in ('published', 'pending') and c.author_id = :viewer)
             or (c.status = 'deleted' and exists (
                    select 1 from comments r where r.parent_id = c.id
                    and (comment_is_public(r.status, r.hidden) or r.status = 'deleted') offset 0)))""";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "article_id")
    String articleId;
    @Column(name = "author_id")
    Long authorId;
    @Column(name = "parent_id")
    Long parentId;
    int depth;
    CommentStatus status;
    String body;
    String dir;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "edited_at")
    Instant editedAt;
    @Column(name = "deleted_at")
    Instant deletedAt;
    @Version
    int version;
    boolean featured;
    @Column(name = "open_reports")
    int openReports;
    /** The body normalized for matching (diacritics, letter variants folded), for moderator search. */
    @Column(name = "search_text")
    String searchText;
    @Column(name = "claimed_by")
    String claimedBy;
    @Column(name = "claim_expires_at")
    Instant claimExpiresAt;
    /** Kept by the like endpoints with atomic updates, never through the entity (no version bump). */
    @Column(name = "like_count", insertable = false, updatable = false)
    int likeCount;
    /** Open reports, weighted; reaching the threshold hides the comment. Written by the report service. */
    @Column(name = "report_score")
    int reportScore;
    /** Hidden by readers' reports until a moderator decides; the author still sees it. */
    boolean hidden;
    /** Every rule that held or rejected it, and "moderator" once one decided: the queue filters by rule. */
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.ARRAY)
    List<String> rules = List.of();

    /** What everyone may see: published and not hidden. Only public content is streamed and counted. */
    boolean isPublic() {
        return CommentStatus.isPublic(status, hidden);
    }

    /**
     * The comment if {@code viewer} may see it, by the same {@link #VISIBLE} rule as every page;
     * {@code lock} also takes its row lock.
     */
    static Optional<Comment> findVisible(long id, long viewer, boolean lock) {
        @SuppressWarnings("unchecked")
        List<Comment> rows = getEntityManager().createNativeQuery(
                        "select c.* from comments c where c.id = :id and " + VISIBLE + (lock ? " for update of c" : ""),
                        Comment.class)
                .setParameter("id", id).setParameter("viewer", viewer).getResultList();
        return rows.stream().findFirst();
    }

    /**
     * Whether the reader has a comment on the article that only they can see (awaiting review, or
     * hidden by reports): then their pages differ from the public one in more than likes.
     */
    static boolean hasOwnUnpublished(String articleId, long viewer) {
        return getEntityManager().createNativeQuery("""
                        select 1 from comments c where c.author_id = :viewer and c.article_id = :article
                        and c.status in ('published', 'pending') and not comment_is_public(c.status, c.hidden) limit 1""")
                .setParameter("viewer", viewer).setParameter("article", articleId).getResultList().size() > 0;
    }

    /** Featured published top-level comments of an article, newest first. */
    static List<Comment> featured(String articleId, int limit) {
        return find("articleId = ?1 and parentId is null and featured = true and status = ?2 and hidden = false order by createdAt desc",
                articleId, CommentStatus.PUBLISHED).page(0, limit).list();
    }

    /** The orders a list can be read in; each is a keyset over an index. */
    enum Sort {
        NEWEST('n', "desc", "c.created_at", "c.id"),
        OLDEST('o', "asc", "c.created_at", "c.id"),
        /** Most liked first, then newest. Likes move while a reader pages, so a page may repeat or skip a comment whose count changed. */
        TOP('t', "desc", "c.like_count", "c.created_at", "c.id");

        final char code;
        final String direction;
        final List<String> columns;

        Sort(char code, String direction, String... columns) {
            this.code = code;
            this.direction = direction;
            this.columns = List.of(columns);
        }

        /** The keyset row value, e.g. (c.created_at, c.id). */
        String key() {
            return "(" + String.join(", ", columns) + ")";
        }

        String orderBy() {
            return columns.stream().map(c -> c + " " + direction).collect(Collectors.joining(", "));
        }

        Cursor after(Comment last) {
            return new Cursor(code, last.createdAt, last.id, this == TOP ? last.likeCount : 0);
        }
    }

    /** One keyset page of top-level comments, fetching one extra row to know whether more follow. */
    static List<Comment> topLevelPage(String articleId, long viewer, Cursor after, Sort sort, int limit) {
        return keysetPage("c.article_id = :scope and c.parent_id is null", articleId, viewer, after, sort, limit);
    }

    /** Replies to one comment, oldest first, after the cursor. */
    static List<Comment> repliesPage(long parentId, long viewer, Cursor after, int limit) {
        return keysetPage("c.parent_id = :scope", parentId, viewer, after, Sort.OLDEST, limit);
    }

    private static List<Comment> keysetPage(String scope, Object scopeValue, long viewer, Cursor after,
                                            Sort sort, int limit) {
        boolean top = sort == Sort.TOP;
        String cursorValue = top ? "(:score, :at, :id)" : "(:at, :id)";
        String sql = "select c.* from comments c where " + scope + " and " + VISIBLE
                + (after == null ? "" : " and " + sort.key() + (sort.direction.equals("desc") ? " < " : " > ") + cursorValue)
                + " order by " + sort.orderBy() + " limit :limit";
        var query = getEntityManager().createNativeQuery(sql, Comment.class)
                .setParameter("scope", scopeValue)
                .setParameter("viewer", viewer)
                .setParameter("limit", limit);
        if (after != null) {
            query.setParameter("at", after.createdAt()).setParameter("id", after.id());
            if (top) {
                query.setParameter("score", (int) after.score());
            }
        }
        @SuppressWarnings("unchecked")
        List<Comment> rows = query.getResultList();
        return rows;
    }

    /** One keyset page of an author's own comments in every status, newest first. */
    static List<Comment> byAuthor(long authorId, Cursor after, int limit) {
        return find("authorId = ?1" + (after == null ? "" : " and (createdAt < ?2 or (createdAt = ?2 and id < ?3))")
                        + " order by createdAt desc, id desc",
                after == null ? new Object[] {authorId} : new Object[] {authorId, after.createdAt(), after.id()})
                .page(0, limit).list();
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
        Row.all(getEntityManager().createNativeQuery(
                "select c.parent_id, count(*) as n from comments c where c.parent_id in (:parents) and " + VISIBLE
                        + " group by c.parent_id", Tuple.class)
                .setParameter("parents", parentIds)
                .setParameter("viewer", viewer))
                .forEach(r -> counts.put(r.number("parent_id"), r.number("n")));
        return counts;
    }
}
