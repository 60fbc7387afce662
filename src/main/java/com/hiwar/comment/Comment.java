package com.hiwar.comment;

import com.hiwar.db.Cursor;
import com.hiwar.db.Jdbc;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

@Entity
@Table(name = "comments")
public class Comment extends PanacheEntityBase {

    /**
     * What a reader may see, defined once (every page, thread and single read uses it): public
     * comments ({@code comment_is_public}), their own pending and hidden ones, and deleted ones
     * that still carry replies (shown as a placeholder). {@code :viewer} is -1 for anonymous readers.
     */
    static final String VISIBLE = visibleTo("c", ":viewer");

    /** {@link #VISIBLE} for the comments aliased {@code c}, with {@code viewer} standing for the reader's id. */
    // "offset 0" keeps the exists a per-row index probe: without it PostgreSQL hashes the subquery,
    // a scan of every comment whenever a deleted one falls in the page (33 ms at 100,000 comments).
    private static String visibleTo(String c, String viewer) {
        return """
                (comment_is_public(%1$s.status, %1$s.hidden)
                 or (%1$s.status in ('published', 'pending') and %1$s.author_id = %2$s)
                 or (%1$s.status = 'deleted' and exists (
                        select 1 from comments %1$s_r where %1$s_r.parent_id = %1$s.id
                        and (comment_is_public(%1$s_r.status, %1$s_r.hidden) or %1$s_r.status = 'deleted') offset 0)))"""
                .formatted(c, viewer);
    }

    /** {@link #VISIBLE} with a positional parameter, for {@link Jdbc} queries. */
    private static final String VISIBLE_JDBC = visibleTo("c", "?");

    /**
     * The columns a reader's view and the page cursors need, with the visible replies counted per
     * row (the first parameter is the viewer); pages are read without the persistence context.
     * Authors' names come from auth's kept names, not from here.
     */
    private static final String LISTED_COLUMNS = listedColumns("(select count(*) from comments k where k.parent_id = c.id and "
            + visibleTo("k", "?") + ")");

    /** {@link #LISTED_COLUMNS} with the replies left uncounted (null) and no parameter: a caller that counts them another way. */
    private static final String UNCOUNTED_COLUMNS = listedColumns("null::bigint");

    private static String listedColumns(String replies) {
        return """
                c.id, c.article_id, c.author_id, c.guest_name, c.parent_id, c.depth, c.status, c.hidden, c.body, c.dir,
                c.created_at, c.edited_at, c.version, c.like_count, %s as replies""".formatted(replies);
    }

    private static final CommentStatus.DbConverter STATUS = new CommentStatus.DbConverter();

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "article_id")
    String articleId;
    @Column(name = "author_id")
    Long authorId;
    /** An imported guest's name (WordPress and Disqus guests have no account here); null otherwise. */
    @Column(name = "guest_name", insertable = false, updatable = false)
    String guestName;
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
    /** Visible direct replies, when a listing query counted them along (null otherwise). */
    @Transient
    Long replies;
    /** Every rule that held or rejected it, and "moderator" once one decided: the queue filters by rule. */
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.ARRAY)
    List<String> rules = List.of();

    /**
     * Writes this new comment at once and takes its id and version: one statement instead of a
     * managed entity, on the path every new comment takes. The object stays detached.
     */
    void insert(Jdbc.Companion companion) {
        // Fixed text per companion, so the driver keeps one prepared statement for it.
        Jdbc.list("with written as (" + INSERT + "), companion as (" + companion.sql() + ") select id, version from written", s -> {
            s.setString(1, articleId);
            s.setObject(2, authorId, Types.BIGINT);
            s.setObject(3, parentId, Types.BIGINT);
            s.setInt(4, depth);
            s.setString(5, STATUS.convertToDatabaseColumn(status));
            s.setString(6, body);
            s.setString(7, dir);
            s.setObject(8, createdAt.atOffset(ZoneOffset.UTC));
            s.setString(9, searchText);
            s.setArray(10, Jdbc.texts(s, rules));
            companion.bind(s, 11);
        }, r -> {
            id = r.getLong(1);
            version = r.getInt(2);
            return id;
        });
    }

    private static final String INSERT = """
            insert into comments (article_id, author_id, parent_id, depth, status, body, dir, created_at, search_text, rules)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id, version""";

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
     * What a reader's overlay on the public page needs, in one round trip: the ids the query
     * {@code liked} answers (the comments they liked), or empty when they have a comment on the
     * article that only they can see (awaiting review, or hidden by reports), so that their page
     * differs from the public one in more than likes and is rendered for them.
     */
    static Optional<Set<Long>> likedUnlessOwnUnpublished(String articleId, long viewer, Jdbc.Companion liked) {
        return Jdbc.list("select " + OWN_UNPUBLISHED + ", array(" + liked.sql() + ")", s -> {
            s.setLong(1, viewer);
            s.setString(2, articleId);
            liked.bind(s, 3);
        }, r -> r.getBoolean(1) ? Optional.<Set<Long>>empty()
                : Optional.<Set<Long>>of(Set.copyOf(Arrays.asList((Long[]) r.getArray(2).getArray())))).get(0);
    }

    // The predicate is comments_own_unpublished's, word for word, so that small index answers.
    private static final String OWN_UNPUBLISHED = """
            exists (select 1 from comments c where c.author_id = ? and c.article_id = ?
                    and (c.status = 'pending' or (c.status = 'published' and c.hidden)))""";

    /** Featured published top-level comments of an article, newest first. */
    static List<Comment> featured(String articleId, long viewer, int limit) {
        return Jdbc.list("select " + LISTED_COLUMNS + """
                 from comments c where c.article_id = ? and c.parent_id is null and c.featured
                and comment_is_public(c.status, c.hidden) order by c.created_at desc limit ?""", s -> {
            s.setLong(1, viewer);
            s.setString(2, articleId);
            s.setInt(3, limit);
        }, Comment::listed);
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

        /** The same order in memory. */
        java.util.Comparator<Comment> comparator() {
            java.util.Comparator<Comment> order = java.util.Comparator.<Comment, Instant>comparing(c -> c.createdAt)
                    .thenComparingLong(c -> c.id);
            if (this == TOP) {
                order = java.util.Comparator.<Comment>comparingInt(c -> c.likeCount).thenComparing(order);
            }
            return direction.equals("desc") ? order.reversed() : order;
        }
    }

    /** A page of comments and the first visible replies of each (oldest first), read in one statement. */
    record WithReplies(List<Comment> page, List<Comment> replies) {}

    /**
     * One keyset page of top-level comments, fetching one extra row to know whether more follow,
     * and the first {@code perParent} visible replies of each: one round trip, not two. With a
     * preview, each parent's visible replies are counted by the preview's own scan of them (a
     * window over the parent's replies before the limit), not by a second probe per parent: a
     * parent without a preview row has none (about a fifth of the statement's cost at 1M comments).
     */
    static WithReplies topLevelPage(String articleId, long viewer, Cursor after, Sort sort, int limit, int perParent) {
        boolean previewed = perParent > 0;
        String page = keysetSql(!previewed, "c.article_id = ? and c.parent_id is null", after, sort);
        List<Comment> rows = new ArrayList<>();
        List<Comment> replies = new ArrayList<>();
        Map<Long, Long> siblings = new HashMap<>();
        Jdbc.list("with page as (" + page + ") select 0 as part, page.*, null::bigint as siblings from page union all select 1, f.* from "
                + firstRepliesSql("page p", ", count(*) over () as siblings"), s -> {
            int i = bindKeyset(s, articleId, viewer, after, sort, limit, !previewed);
            s.setLong(++i, viewer);
            s.setLong(++i, viewer);
            s.setInt(++i, perParent);
        }, r -> {
            Comment c = listed(r);
            if (r.getInt("part") == 0) {
                rows.add(c);
            } else {
                replies.add(c);
                siblings.put(c.parentId, r.getLong("siblings"));
            }
            return c;
        });
        if (previewed) {
            rows.forEach(c -> c.replies = siblings.getOrDefault(c.id, 0L));
        }
        // A union keeps no order: each part is put back in its own.
        rows.sort(sort.comparator());
        replies.sort(Sort.OLDEST.comparator());
        return new WithReplies(rows, replies);
    }

    /** Replies to one comment, oldest first, after the cursor. */
    static List<Comment> repliesPage(long parentId, long viewer, Cursor after, int limit) {
        return keysetPage("c.parent_id = ?", parentId, viewer, after, Sort.OLDEST, limit);
    }

    private static List<Comment> keysetPage(String scope, Object scopeValue, long viewer, Cursor after,
                                            Sort sort, int limit) {
        return Jdbc.list(keysetSql(true, scope, after, sort), s -> bindKeyset(s, scopeValue, viewer, after, sort, limit, true), Comment::listed);
    }

    /** A keyset page's statement; {@code counted}: with {@link #LISTED_COLUMNS}' reply count, else {@link #UNCOUNTED_COLUMNS}. */
    private static String keysetSql(boolean counted, String scope, Cursor after, Sort sort) {
        String cursorValue = sort == Sort.TOP ? "(?, ?, ?)" : "(?, ?)";
        return "select " + (counted ? LISTED_COLUMNS : UNCOUNTED_COLUMNS) + " from comments c where " + scope + " and " + VISIBLE_JDBC
                + (after == null ? "" : " and " + sort.key() + (sort.direction.equals("desc") ? " < " : " > ") + cursorValue)
                + " order by " + sort.orderBy() + " limit ?";
    }

    /** Binds the parameters of {@link #keysetSql} made with the same {@code counted}; the index of the last one bound. */
    private static int bindKeyset(java.sql.PreparedStatement s, Object scopeValue, long viewer, Cursor after, Sort sort, int limit,
                                  boolean counted) throws SQLException {
        int i = 0;
        if (counted) {
            s.setLong(++i, viewer);
        }
        s.setObject(++i, scopeValue);
        s.setLong(++i, viewer);
        if (after != null) {
            if (sort == Sort.TOP) {
                s.setInt(++i, (int) after.score());
            }
            s.setObject(++i, after.createdAt().atOffset(ZoneOffset.UTC));
            s.setLong(++i, after.id());
        }
        s.setInt(++i, limit);
        return i;
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
        return Jdbc.list("select f.* from " + firstRepliesSql("unnest(?::bigint[]) as p(id)", "") + " order by f.created_at, f.id", s -> {
            s.setArray(1, Jdbc.ids(s, parentIds));
            s.setLong(2, viewer);
            s.setLong(3, viewer);
            s.setInt(4, perParent);
        }, Comment::listed);
    }

    /**
     * The first {@code ?} visible replies of each parent in {@code parents} (a relation aliased
     * {@code p}, with a column {@code id}), as the relation {@code f}: per parent, an ordered scan of the replies
     * index that stops at the limit, whatever the number of replies ({@code more}: further columns, which may
     * look at every reply before the limit).
     */
    private static String firstRepliesSql(String parents, String more) {
        return parents + " cross join lateral (select " + LISTED_COLUMNS + more + " from comments c where c.parent_id = p.id and "
                + VISIBLE_JDBC + " order by c.created_at, c.id limit ?) f";
    }

    /** Visible direct replies per parent, for the given parents. */
    static Map<Long, Long> replyCounts(Collection<Long> parentIds, long viewer) {
        Map<Long, Long> counts = new HashMap<>();
        if (parentIds.isEmpty()) {
            return counts;
        }
        Jdbc.list("select c.parent_id, count(*) from comments c where c.parent_id = any(?) and "
                + VISIBLE_JDBC + " group by c.parent_id", s -> {
            s.setArray(1, Jdbc.ids(s, parentIds));
            s.setLong(2, viewer);
        }, r -> counts.put(r.getLong(1), r.getLong(2)));
        return counts;
    }

    /** What a reader's view of a comment needs, as {@link #LISTED_COLUMNS} selects it; a detached copy. */
    private static Comment listed(ResultSet r) throws SQLException {
        Comment c = new Comment();
        c.id = r.getLong("id");
        c.articleId = r.getString("article_id");
        c.authorId = Jdbc.id(r, "author_id");
        c.guestName = r.getString("guest_name");
        c.parentId = Jdbc.id(r, "parent_id");
        c.depth = r.getInt("depth");
        c.status = STATUS.convertToEntityAttribute(r.getString("status"));
        c.hidden = r.getBoolean("hidden");
        c.body = r.getString("body");
        c.dir = r.getString("dir");
        c.createdAt = Jdbc.instant(r, "created_at");
        c.editedAt = Jdbc.instant(r, "edited_at");
        c.version = r.getInt("version");
        c.likeCount = r.getInt("like_count");
        c.replies = r.getLong("replies");
        return c;
    }
}
