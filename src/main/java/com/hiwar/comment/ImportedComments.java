package com.hiwar.comment;

import com.hiwar.audit.Audit;
import com.hiwar.db.Jdbc;
import com.hiwar.text.MatchNormalizer;
import com.hiwar.text.TextSanitizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
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

    /**
     * Every comment as one JSON line of the site's export, parents before replies (streamed; in a
     * transaction). {@code key} is what a restore keys it by: its source key if it was imported,
     * else {@code hiwar:<id>}.
     */
    public long exportLines(java.util.function.Consumer<String> line) {
        return Jdbc.lines("""
                select json_build_object('type', 'comment', 'id', c.id, 'key', coalesce(c.source_key, 'hiwar:' || c.id),
                       'articleId', c.article_id,
                       'parentKey', case when p.id is null then null else coalesce(p.source_key, 'hiwar:' || p.id) end,
                       'authorId', c.author_id, 'guestName', c.guest_name, 'status', c.status, 'body', c.body,
                       'createdAt', c.created_at, 'editedAt', c.edited_at, 'deletedAt', c.deleted_at, 'featured', c.featured,
                       'hidden', c.hidden, 'likes', c.like_count, 'rules', c.rules)::text
                from comments c left join comments p on p.id = c.parent_id order by c.id""", line);
    }

    /** The body as a comment may have it, or the problem that keeps it out (too long, NUL, bidi overrides). */
    public String cleanBody(String raw) {
        return TextSanitizer.clean(raw, "body", 1, config.maxLength());
    }

    /**
     * Inserts the rows, in this transaction, as {@code actor}; a row whose key is already there is
     * left alone. Returns how many were new. Rows may come in any order: each generation of
     * replies (by parent key, within the rows) is written after the one it answers. Replies deeper
     * than the thread depth are attached to their parent's parent, as the reader API does.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int insert(List<Row> rows, String actor) {
        int created = 0;
        for (List<Row> generation : generations(rows)) {
            // One statement per audit reason: the trigger reads it from a transaction setting.
            java.util.Map<String, List<Row>> byReason = new java.util.LinkedHashMap<>();
            generation.forEach(r -> byReason.computeIfAbsent(Objects.requireNonNullElse(r.reason(), ""), k -> new ArrayList<>()).add(r));
            for (java.util.Map.Entry<String, List<Row>> e : byReason.entrySet()) {
                String reason = e.getKey().isEmpty() ? null : e.getKey();
                Audit.actAs(actor, "import", reason);
                created += insertAll(e.getValue(), reason);
            }
        }
        if (created > 0) {
            imported.fire(new CommentsImported(rows.stream().map(Row::articleId).collect(java.util.stream.Collectors.toSet())));
        }
        return created;
    }

    /**
     * The rows in generations, each in the order given: first those whose parent is not among
     * them, then the replies to those, and so on. A cycle of replies (no order exists) starts
     * threads of its own.
     */
    static List<List<Row>> generations(List<Row> rows) {
        java.util.Map<String, Row> byKey = new java.util.HashMap<>();
        rows.forEach(r -> byKey.putIfAbsent(r.sourceKey(), r));
        java.util.Map<String, Integer> generation = new java.util.HashMap<>();
        List<List<Row>> out = new ArrayList<>();
        for (Row r : rows) {
            int g = generationOf(r, byKey, generation, new java.util.HashSet<>());
            while (out.size() <= g) {
                out.add(new ArrayList<>());
            }
            out.get(g).add(r);
        }
        return out;
    }

    private static int generationOf(Row r, java.util.Map<String, Row> byKey, java.util.Map<String, Integer> known,
                                    java.util.Set<String> visiting) {
        Integer g = known.get(r.sourceKey());
        if (g != null) {
            return g;
        }
        Row parent = r.parentKey() == null ? null : byKey.get(r.parentKey());
        int mine = parent == null || !visiting.add(r.sourceKey()) ? 0 : generationOf(parent, byKey, known, visiting) + 1;
        known.put(r.sourceKey(), mine);
        return mine;
    }

    private int insertAll(List<Row> rows, String reason) {
        int n = rows.size();
        String[] articles = new String[n], guests = new String[n], statuses = new String[n], bodies = new String[n],
                dirs = new String[n], dates = new String[n], search = new String[n], keys = new String[n], parents = new String[n];
        Long[] authors = new Long[n];
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            articles[i] = r.articleId();
            authors[i] = r.authorId();
            guests[i] = r.guestName();
            statuses[i] = r.status().wire();
            bodies[i] = r.body();
            dirs[i] = TextSanitizer.direction(r.body());
            dates[i] = r.createdAt().toString();
            search[i] = MatchNormalizer.normalize(r.body()).full().text();
            keys[i] = r.sourceKey();
            parents[i] = r.parentKey();
        }
        return Jdbc.update(INSERT, s -> {
            java.sql.Connection c = s.getConnection();
            s.setInt(1, config.maxDepth());
            s.setInt(2, config.maxDepth());
            s.setArray(3, Jdbc.texts(s, reason == null ? List.of("import") : List.of("import", reason)));
            s.setArray(4, c.createArrayOf("text", articles));
            s.setArray(5, c.createArrayOf("bigint", authors));
            s.setArray(6, c.createArrayOf("text", guests));
            s.setArray(7, c.createArrayOf("text", statuses));
            s.setArray(8, c.createArrayOf("text", bodies));
            s.setArray(9, c.createArrayOf("text", dirs));
            s.setArray(10, c.createArrayOf("text", dates));
            s.setArray(11, c.createArrayOf("text", search));
            s.setArray(12, c.createArrayOf("text", keys));
            s.setArray(13, c.createArrayOf("text", parents));
        });
    }

    // One statement per generation: the rows as arrays, each reply's parent found by its source key.
    private static final String INSERT = """
            insert into comments (article_id, author_id, guest_name, parent_id, depth, status, body, dir, created_at,
                                  deleted_at, search_text, rules, source_key)
            select r.article_id, r.author_id, r.guest_name,
                   case when p.id is null then null when p.depth < ? then p.id else p.parent_id end,
                   case when p.id is null then 0 else least(p.depth + 1, ?) end,
                   r.status, r.body, r.dir, r.created_at::timestamptz, case when r.status = 'deleted' then now() end,
                   r.search_text, ?::text[], r.source_key
            from unnest(?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                 with ordinality as r(article_id, author_id, guest_name, status, body, dir, created_at, search_text, source_key, parent_key, n)
            left join comments p on p.source_key = r.parent_key and p.article_id = r.article_id
            order by r.n
            on conflict (source_key) where source_key is not null do nothing""";


}
