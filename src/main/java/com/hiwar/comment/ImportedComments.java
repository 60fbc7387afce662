package com.hiwar.comment;

import com.hiwar.audit.Audit;
import com.hiwar.db.Jdbc;
import com.hiwar.text.MatchNormalizer;
import com.hiwar.text.TextSanitizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The door imports come in by: comments from another system, each with the key it had there, so
 * importing the same export again finds every row and changes nothing. The database keeps
 * counts and the audit log as for any new comment (its triggers run for these rows too).
 */
@ApplicationScoped
public class ImportedComments {

    /**
     * One comment as the other system had it. {@code parentKey} names the comment it answers in
     * the same article; a reply whose parent is not there (not exported, or failed) starts a
     * thread of its own. {@code reason} is the audit reason of a status the import decided
     * (a spam rejection).
     */
    public record Row(String sourceKey, String articleId, String parentKey, Long authorId, String guestName,
                      CommentStatus status, String body, Instant createdAt, String reason) {
        public Row {
            Objects.requireNonNull(sourceKey, "sourceKey");
            Objects.requireNonNull(articleId, "articleId");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(createdAt, "createdAt");
        }
    }

    @Inject
    CommentsConfig config;

    @Inject
    jakarta.enterprise.event.Event<CommentsImported> imported;

    /** The body as a comment may have it, or the problem that keeps it out (too long, NUL, bidi overrides). */
    public String cleanBody(String raw) {
        return TextSanitizer.clean(raw, "body", 1, config.maxLength());
    }

    /**
     * Inserts the rows in order (a parent before its replies), in this transaction, as
     * {@code actor}; a row whose key is already there is left alone. Returns how many were new.
     * Replies deeper than the thread depth are attached to their parent's parent, as the reader
     * API does.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int insert(List<Row> rows, String actor) {
        int created = 0;
        int from = 0;
        while (from < rows.size()) { // runs of one audit reason: the trigger reads it per transaction setting
            String reason = rows.get(from).reason();
            int to = from;
            while (to < rows.size() && Objects.equals(rows.get(to).reason(), reason)) {
                to++;
            }
            Audit.actAs(actor, "import", reason);
            for (int n : Jdbc.batch(INSERT, new ArrayList<>(rows.subList(from, to)), this::bind)) {
                created += Math.max(0, n);
            }
            from = to;
        }
        if (created > 0) {
            imported.fire(new CommentsImported(rows.stream().map(Row::articleId).collect(java.util.stream.Collectors.toSet())));
        }
        return created;
    }

    private static final String INSERT = """
            insert into comments (article_id, author_id, guest_name, parent_id, depth, status, body, dir, created_at,
                                  deleted_at, search_text, rules, source_key)
            select ?, ?, ?,
                   case when p.id is null then null when p.depth < ? then p.id else p.parent_id end,
                   case when p.id is null then 0 else least(p.depth + 1, ?) end,
                   ?, ?, ?, ?, case when ? = 'deleted' then now() end, ?, ?, ?
            from (select 1) one left join comments p on p.source_key = ? and p.article_id = ?
            on conflict (source_key) where source_key is not null do nothing""";

    private void bind(java.sql.PreparedStatement s, Row r) throws java.sql.SQLException {
        String status = r.status().wire();
        s.setString(1, r.articleId());
        s.setObject(2, r.authorId(), Types.BIGINT);
        s.setString(3, r.guestName());
        s.setInt(4, config.maxDepth());
        s.setInt(5, config.maxDepth());
        s.setString(6, status);
        s.setString(7, r.body());
        s.setString(8, TextSanitizer.direction(r.body()));
        s.setObject(9, r.createdAt().atOffset(ZoneOffset.UTC));
        s.setString(10, status);
        s.setString(11, MatchNormalizer.normalize(r.body()).full().text());
        s.setArray(12, Jdbc.texts(s, r.reason() == null ? List.of("import") : List.of("import", r.reason())));
        s.setString(13, r.sourceKey());
        s.setString(14, r.parentKey());
        s.setString(15, r.articleId());
    }
}
