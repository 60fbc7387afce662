package com.hiwar.comment;

import com.hiwar.article.Article;
import com.hiwar.article.ArticleService;
import com.hiwar.audit.Audit;
import com.hiwar.auth.Actor;
import com.hiwar.auth.AuthorNames;
import com.hiwar.comment.CommentRequests.CommentEdit;
import com.hiwar.comment.CommentRequests.NewComment;
import com.hiwar.db.Cursor;
import com.hiwar.db.Paging;
import com.hiwar.problem.ProblemException;
import com.hiwar.text.TextSanitizer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** Reading and writing comments: visibility, threading, the edit window and soft deletion. */
@ApplicationScoped
public class CommentService {

    /** The viewer id of an anonymous reader; matches no author. */
    public static final long ANONYMOUS = -1;

    @Inject
    Screening screening;

    @Inject
    LikesOf likes;

    @Inject
    CommentsConfig config;

    @Inject
    ArticleService articles;

    @Inject
    Event<CommentChanged> changes;

    @Inject
    Event<CommentReannounced> reannounced;

    @Inject
    Pacing pacing;

    @Inject
    AuthorNames authorNames;

    public CommentPage page(String articleId, String sort, Integer limit, String cursor, long viewer) {
        return page(articleId, sort, limit, cursor, viewer, null);
    }

    /**
     * A page, with the article as {@code known} shows it when that is not null: the state a kept
     * page of the same article carries ({@link PublicPages#keptState}), fresh by the same
     * evictions, which saves a render a statement.
     */
    CommentPage page(String articleId, String sort, Integer limit, String cursor, long viewer, CommentPage.ArticleState known) {
        Comment.Sort order = switch (sort == null ? "newest" : sort) {
            case "newest" -> Comment.Sort.NEWEST;
            case "oldest" -> Comment.Sort.OLDEST;
            case "top" -> Comment.Sort.TOP;
            default -> throw ProblemException.badParameter("sort", "must be newest, oldest or top");
        };
        int size = pageSize(limit);
        Cursor after = Cursor.decode(cursor, order.code);
        CommentPage.ArticleState state = known != null ? known : articles.peek(articleId)
                .map(a -> new CommentPage.ArticleState(a.id, true, a.acceptsComments(Instant.now()), a.publishedCount, a.title,
                        a.url, pacing.pace(a.id), a.closesAt))
                .orElse(null);
        if (state == null) {
            return new CommentPage(new CommentPage.ArticleState(articleId, false, true, 0, null, null, null, null), List.of(), null);
        }
        Comment.WithReplies read = Comment.topLevelPage(articleId, viewer, after, order, size + 1, config.previewReplies());
        Paging.Slice<Comment> page = Paging.slice(read.page(), size);
        // Comments moderators featured lead the first page, whatever the sort.
        List<CommentView> featured = cursor == null ? views(Comment.featured(articleId, viewer, 5), viewer, true) : null;
        return new CommentPage(state, featured, views(page.items(), read.replies(), viewer), nextCursor(page, order));
    }

    /**
     * A signed-in reader's likes among the comments of a public first page, or empty when their
     * page is not simply that page marked: when they have a comment on the article only they can
     * see. One small statement instead of a render.
     */
    public Optional<Set<Long>> likesOnPage(CommentPage publicPage, String articleId, long viewer) {
        if (publicPage.article() == null || !publicPage.article().exists()) {
            return Optional.empty();
        }
        List<CommentView> all = new ArrayList<>();
        Stream.of(publicPage.featured(), publicPage.comments()).filter(Objects::nonNull).flatMap(List::stream).forEach(v -> {
            all.add(v);
            if (v.replies() != null) {
                all.addAll(v.replies());
            }
        });
        return Comment.likedUnlessOwnUnpublished(articleId, viewer,
                likes.likedBySql(viewer, all.stream().map(CommentView::id).toList()));
    }

    /** A public page as one reader sees it, given their {@link #likesOnPage likes on it}: theirs marked mine, their likes liked. */
    public CommentPage overlay(CommentPage publicPage, long viewer, Set<Long> liked) {
        Function<Instant, Instant> editable = created -> created.plus(config.editWindow());
        UnaryOperator<List<CommentView>> overlay = views -> views == null ? null
                : views.stream().map(v -> v.forViewer(viewer, liked, editable)).toList();
        return new CommentPage(publicPage.article(), overlay.apply(publicPage.featured()), overlay.apply(publicPage.comments()),
                publicPage.nextCursor());
    }

    public CommentPage replies(long parentId, Integer limit, String cursor, long viewer) {
        visible(parentId, viewer);
        int size = pageSize(limit);
        Paging.Slice<Comment> page = Paging.slice(Comment.repliesPage(parentId, viewer, Cursor.decode(cursor, 'o'), size + 1), size);
        return new CommentPage(null, views(page.items(), viewer, false), nextCursor(page, Comment.Sort.OLDEST));
    }

    /** A reader's own comments, every status, newest first (deleted ones as placeholders). */
    public CommentPage byAuthor(long authorId, Integer limit, String cursor) {
        int size = pageSize(limit);
        Paging.Slice<Comment> page = Paging.slice(Comment.byAuthor(authorId, Cursor.decode(cursor, 'n'), size + 1), size);
        return new CommentPage(null, views(page.items(), authorId, false), nextCursor(page, Comment.Sort.NEWEST));
    }

    /** The comments among {@code ids} that are public now, as anonymous readers see them; the others are absent. */
    @Transactional
    public Map<Long, CommentView> publicViews(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Comment> comments = Comment.<Comment>list("id in ?1", ids).stream().filter(Comment::isPublic).toList();
        Map<Long, CommentView> byId = new LinkedHashMap<>();
        views(comments, ANONYMOUS, false).forEach(v -> byId.put(v.id(), v));
        return byId;
    }

    public CommentView get(long id, long viewer) {
        return views(List.of(visible(id, viewer)), viewer, true).get(0);
    }

    @Transactional
    public CommentView create(Actor actor, String articleId, NewComment request) {
        String body = TextSanitizer.clean(request.body(), "body", config.minLength(), config.maxLength());
        Article article = articles.findOrCreate(articleId, request.articleUrl(), request.articleTitle(), request.articleSection());
        if (!article.acceptsComments(Instant.now())) {
            throw ProblemException.conflict("article-closed", "Comments are closed",
                    "This article no longer accepts comments");
        }
        pacing.admit(actor, article.id);
        Comment comment = new Comment();
        if (request.parentId() != null) {
            Comment parent = Comment.findVisible(request.parentId(), actor.userId(), false)
                    .filter(p -> p.articleId.equals(article.id))
                    .orElseThrow(() -> ProblemException.invalid("parentId",
                            "no visible comment " + request.parentId() + " on this article"));
            if (parent.status == CommentStatus.DELETED) {
                throw ProblemException.conflict("parent-deleted", "Cannot reply", "The comment you reply to was deleted");
            }
            // Past the deepest level a reply becomes a sibling of its parent, as in WordPress and Coral.
            boolean tooDeep = parent.depth >= config.maxDepth();
            comment.parentId = tooDeep ? parent.parentId : parent.id;
            comment.depth = tooDeep ? parent.depth : parent.depth + 1;
        }
        Screening.Screened screened = screening.screen(actor, article.id, article.premoderated, body, null);
        comment.searchText = screened.searchText();
        comment.rules = CommentStore.withRules(List.of(), screened.rules());
        comment.articleId = article.id;
        comment.authorId = actor.userId();
        comment.status = screened.status();
        comment.body = body;
        comment.dir = TextSanitizer.direction(body);
        comment.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        comment.insert(screened.recordWith());
        screened.recorded(comment.id);
        // Just written: no replies, no likes, and its author is the writer; no query needed.
        Map<Long, CommentView.Author> writer = Map.of(actor.userId(), new CommentView.Author(actor.userId(), actor.name()));
        changed(comment, false, comment.isPublic() ? view(comment, ANONYMOUS, writer, Map.of(), Set.of(), null) : null, null, null,
                CommentChanged.Change.CREATED, null);
        return view(comment, actor.userId(), writer, Map.of(), Set.of(), null);
    }

    /** See {@link CommentReannounced}; nothing when the comment is gone (erased) since. */
    public void reannounce(long id) {
        QuarkusTransaction.requiringNew().call(() -> Comment.<Comment>findByIdOptional(id)
                        .map(c -> change(c, false, publicView(c), null, null, CommentChanged.Change.CREATED, null)))
                .ifPresent(change -> reannounced.fire(new CommentReannounced(change)));
    }

    @Transactional
    public CommentView edit(Actor actor, long id, CommentEdit request) {
        Comment comment = ownComment(actor, id);
        if (request.version() != null && request.version() != comment.version) {
            throw ProblemException.conflict("stale-version", "Stale version",
                    "The comment is at version " + comment.version + ", you edited version " + request.version());
        }
        if (comment.status == CommentStatus.DELETED || comment.status == CommentStatus.REJECTED) {
            throw ProblemException.conflict("not-editable", "Cannot edit", "This comment can no longer be edited");
        }
        if (Instant.now().isAfter(editableUntil(comment))) {
            throw ProblemException.forbidden("edit-window-closed", "Edit window closed",
                    "Comments can be edited for " + config.editWindow().toMinutes() + " minutes after posting");
        }
        String body = TextSanitizer.clean(request.body(), "body", config.minLength(), config.maxLength());
        if (!body.equals(comment.body)) {
            // An edit is decided like a new comment: it can be held, or rejected, but a
            // published comment edited into something banned never stays up.
            boolean wasPublic = comment.isPublic();
            CommentStatus before = comment.status;
            boolean premoderated = articles.find(comment.articleId).map(a -> a.premoderated).orElse(false);
            Screening.Screened screened = screening.screen(actor, comment.articleId, premoderated, body, comment.id);
            comment.searchText = screened.searchText();
            comment.rules = CommentStore.withRules(comment.rules, screened.rules());
            comment.body = body;
            comment.dir = TextSanitizer.direction(body);
            comment.status = screened.status();
            comment.editedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            comment.flush();
            screened.record(comment.id, comment.version);
            announce(comment, wasPublic, null, null, CommentChanged.Change.EDITED, before);
        }
        return views(List.of(comment), actor.userId(), false).get(0);
    }

    /** Soft delete: the text goes, the place stays so replies keep their thread. Repeating it is harmless. */
    @Transactional
    public void delete(Actor actor, long id) {
        Comment comment = ownComment(actor, id);
        if (comment.status != CommentStatus.DELETED) {
            boolean wasPublic = comment.isPublic();
            CommentStatus before = comment.status;
            // Readers are recorded by user id (the trigger's user_id), never by the login's subject.
            Audit.actAs("user", "delete", null);
            comment.status = CommentStatus.DELETED;
            comment.body = "";
            comment.deletedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            comment.flush();
            announce(comment, wasPublic, null, null, CommentChanged.Change.DELETED, before);
        }
    }

    /**
     * Tells the rest of the service (live stream, notifications, count caches) that a comment
     * changed, inside the transaction that changed it. {@code decision} names a moderator's
     * decision when there was one. Observers that reach outside the database wait for the commit.
     */
    void announce(Comment c, boolean wasPublic, String decision, String actor, CommentChanged.Change change, CommentStatus before) {
        changed(c, wasPublic, publicView(c), decision, actor, change, before);
    }

    private CommentView publicView(Comment c) {
        return c.isPublic() ? views(List.of(c), ANONYMOUS, false).get(0) : null;
    }

    private void changed(Comment c, boolean wasPublic, CommentView publicView, String decision, String actor,
                         CommentChanged.Change change, CommentStatus before) {
        changes.fire(change(c, wasPublic, publicView, decision, actor, change, before));
    }

    private static CommentChanged change(Comment c, boolean wasPublic, CommentView publicView, String decision, String actor,
                                         CommentChanged.Change change, CommentStatus before) {
        return new CommentChanged(c.articleId, c.id, c.parentId, c.authorId, c.version,
                wasPublic, c.isPublic(), publicView, decision, actor, change, before, c.status, c.hidden);
    }

    private Comment ownComment(Actor actor, long id) {
        Comment comment = Comment.<Comment>findByIdOptional(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Comment", id));
        if (!Objects.equals(comment.authorId, actor.userId())) {
            if (Comment.findVisible(id, actor.userId(), false).isEmpty()) {
                throw ProblemException.notFound("Comment", id);
            }
            throw ProblemException.forbidden("not-author", "Not your comment", "Only its author can change this comment");
        }
        return comment;
    }

    private Comment visible(long id, long viewer) {
        return Comment.findVisible(id, viewer, false).orElseThrow(() -> ProblemException.notFound("Comment", id));
    }

    private int pageSize(Integer limit) {
        return Paging.size(limit, config.pageSize(), config.maxPageSize());
    }

    private static String nextCursor(Paging.Slice<Comment> page, Comment.Sort order) {
        return page.more() ? order.after(page.items().get(page.items().size() - 1)).encode() : null;
    }

    private Instant editableUntil(Comment comment) {
        return comment.createdAt.plus(config.editWindow());
    }

    /** Views for a list of comments, with authors, reply counts and (optionally) the first replies, in two to four queries. */
    private List<CommentView> views(List<Comment> comments, long viewer, boolean withPreview) {
        return views(comments, withPreview ? Comment.firstReplies(comments.stream().map(c -> c.id).toList(), viewer,
                config.previewReplies()) : null, viewer);
    }

    /** The same, with the first replies already read ({@code null}: without them); replies to other comments are left out. */
    private List<CommentView> views(List<Comment> comments, List<Comment> firstReplies, long viewer) {
        boolean withPreview = firstReplies != null;
        Set<Long> parents = comments.stream().map(c -> c.id).collect(java.util.stream.Collectors.toSet());
        List<Comment> previews = withPreview ? firstReplies.stream().filter(r -> parents.contains(r.parentId)).toList() : List.of();
        List<Comment> all = Stream.concat(comments.stream(), previews.stream()).toList();
        Map<Long, Long> counts = Comment.replyCounts(all.stream().filter(c -> c.replies == null).map(c -> c.id).toList(), viewer);
        all.stream().filter(c -> c.replies != null).forEach(c -> counts.put(c.id, c.replies));
        Map<Long, CommentView.Author> authors = new LinkedHashMap<>();
        List<Long> authorIds = all.stream().map(c -> c.authorId).filter(Objects::nonNull).distinct().toList();
        Map<Long, String> names = authorNames.of(authorIds);
        authorIds.forEach(id -> authors.put(id, new CommentView.Author(id, names.get(id)))); // nameless: a null name
        Set<Long> liked = viewer == ANONYMOUS || all.isEmpty() ? Set.of() : likes.likedBy(viewer, all.stream().map(c -> c.id).toList());
        Map<Long, List<CommentView>> previewsByParent = new LinkedHashMap<>();
        for (Comment reply : previews) {
            previewsByParent.computeIfAbsent(reply.parentId, k -> new ArrayList<>())
                    .add(view(reply, viewer, authors, counts, liked, null));
        }
        return comments.stream()
                .map(c -> view(c, viewer, authors, counts, liked,
                        withPreview ? previewsByParent.getOrDefault(c.id, List.of()) : null))
                .toList();
    }

    private CommentView view(Comment c, long viewer, Map<Long, CommentView.Author> authors, Map<Long, Long> counts,
                             Set<Long> liked, List<CommentView> replies) {
        boolean deleted = c.status == CommentStatus.DELETED;
        boolean mine = !deleted && c.authorId != null && c.authorId == viewer;
        CommentView.Author author = deleted ? null
                : c.authorId != null ? authors.get(c.authorId)
                : c.guestName != null ? new CommentView.Author(null, c.guestName) : null;
        boolean editable = mine && (c.status == CommentStatus.PUBLISHED || c.status == CommentStatus.PENDING);
        return new CommentView(c.id, c.articleId, c.parentId, c.depth, c.status, mine ? notice(c) : null,
                mine && c.hidden ? Boolean.TRUE : null,
                deleted ? null : c.body, c.dir,
                author,
                c.createdAt, c.editedAt, c.version, deleted ? 0 : c.likeCount,
                viewer == ANONYMOUS || deleted ? null : liked.contains(c.id),
                mine, editable ? editableUntil(c) : null, counts.getOrDefault(c.id, 0L), replies);
    }

    /** What the author learns: never which rule fired, only where the comment stands. */
    private static String notice(Comment c) {
        return switch (c.status) {
            case PENDING -> "Awaiting review: a moderator will look at it shortly";
            case REJECTED -> "Not published: it breaks the community guidelines";
            case PUBLISHED -> c.hidden ? "Hidden after readers reported it, until a moderator reviews it" : null;
            default -> null;
        };
    }
}
