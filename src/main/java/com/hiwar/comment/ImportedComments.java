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
import java.util.Map;
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
     * (a spam rejection). {@code searchText}: the body normalized for matching, if a re-moderation
     * made it already, else null.
     */
    public record Row(String sourceKey, String articleId, String parentKey, Long authorId, String guestName,
                      CommentStatus status, String body, Instant createdAt, String reason, Restored restored, String searchText) {
        public Row {
            Objects.requireNonNull(sourceKey, "sourceKey");
            Objects.requireNonNull(articleId, "articleId");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(body, "body");
            Objects.requireNonNull(createdAt, "createdAt");
        }
    }

    /** What a Hiwar export keeps of a comment beyond the above: a restore puts it back. */
    public record Restored(boolean featured, boolean hidden, Instant editedAt, Instant deletedAt) {}

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
        return Jdbc.lines(EXPORT + " order by c.id", line);
    }

    /** The same lines grouped by article (ordered by article id, then as above): for formats that nest comments in their post. */
    public long exportLinesByArticle(java.util.function.Consumer<String> line) {
        return Jdbc.lines(EXPORT + " order by c.article_id, c.id", line);
    }

    private static final String EXPORT = """
            select json_build_object('type', 'comment', 'id', c.id, 'key', coalesce(c.source_key, 'hiwar:' || c.id),
                   'articleId', c.article_id, 'parentId', c.parent_id,
                   'parentKey', case when p.id is null then null else coalesce(p.source_key, 'hiwar:' || p.id) end,
                   'authorId', c.author_id, 'guestName', c.guest_name, 'status', c.status, 'body', c.body,
                   'createdAt', c.created_at, 'editedAt', c.edited_at, 'deletedAt', c.deleted_at, 'featured', c.featured,
                   'hidden', c.hidden, 'likes', c.like_count, 'rules', c.rules)::text
            from comments c left join comments p on p.id = c.parent_id""";

    /** The keys exportLines gives these comments, by id: for the export's lines that name a comment. */
    public Map<Long, String> keysOf(java.util.Collection<Long> ids) {
        Map<Long, String> keys = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            Jdbc.list("select id, coalesce(source_key, 'hiwar:' || id) from comments where id = any(?)",
                    s -> s.setArray(1, Jdbc.ids(s, ids)), r -> keys.put(r.getLong(1), r.getString(2)));
        }
        return keys;
    }

    /** The ids here of comments an import wrote, by the key it gave them; keys not here are left out. */
    public Map<String, Long> idsOfKeys(java.util.Collection<String> keys) {
        Map<String, Long> ids = new java.util.HashMap<>();
        if (!keys.isEmpty()) {
            Jdbc.list("select source_key, id from comments where source_key = any(?)",
                    s -> s.setArray(1, Jdbc.texts(s, keys)), r -> ids.put(r.getString(1), r.getLong(2)));
        }
        return ids;
    }

    /** Restored likes counted on their comments (by comment id, how many), in one statement. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addRestoredLikes(Map<Long, Integer> byComment) {
        List<Long> ids = List.copyOf(byComment.keySet());
        if (!ids.isEmpty()) {
            Jdbc.update("update comments c set like_count = like_count + d.n from unnest(?::bigint[], ?::int[]) d(id, n) where c.id = d.id", s -> {
                s.setArray(1, Jdbc.ids(s, ids));
                s.setArray(2, s.getConnection().createArrayOf("integer", ids.stream().map(byComment::get).toArray()));
            });
        }
    }

    /**
     * Restored open reports counted on their comments: how many and their weight. Whether the
     * comment is hidden came with it (the export's), so it is left as it is.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addRestoredReports(Map<Long, int[]> countAndWeight) {
        List<Long> ids = List.copyOf(countAndWeight.keySet());
        if (ids.isEmpty()) {
            return;
        }
        Jdbc.update("""
                update comments c set open_reports = open_reports + d.n, report_score = report_score + d.w
                from unnest(?::bigint[], ?::int[], ?::int[]) d(id, n, w) where c.id = d.id""", s -> {
            s.setArray(1, Jdbc.ids(s, ids));
            s.setArray(2, s.getConnection().createArrayOf("integer", ids.stream().map(i -> countAndWeight.get(i)[0]).toArray()));
            s.setArray(3, s.getConnection().createArrayOf("integer", ids.stream().map(i -> countAndWeight.get(i)[1]).toArray()));
        });
    }

    /** The body as a comment may have it, or the problem that keeps it out (too long, NUL, bidi overrides). */
    public String cleanBody(String raw) {
        return TextSanitizer.clean(raw, "body", 1, config.maxLength());
    }

    /**
     * Inserts the rows, in this transaction, as {@code actor}; a row whose key is already there is
     * left alone. Returns the new ones (a re-run's rows are not among them). Rows may come in any order: each generation of
     * replies (by parent key, within the rows) is written after the one it answers. Replies deeper
     * than the thread depth are attached to their parent's parent, as the reader API does.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Created> insert(List<Row> rows, String actor) {
        List<Created> created = new ArrayList<>();
        for (List<Row> generation : generations(rows)) {
            // One statement per audit reason: the trigger reads it from a transaction setting.
            java.util.Map<String, List<Row>> byReason = new java.util.LinkedHashMap<>();
            generation.forEach(r -> byReason.computeIfAbsent(Objects.requireNonNullElse(r.reason(), ""), k -> new ArrayList<>()).add(r));
            for (java.util.Map.Entry<String, List<Row>> e : byReason.entrySet()) {
                String reason = e.getKey().isEmpty() ? null : e.getKey();
                Audit.actAs(actor, "import", reason);
                created.addAll(insertAll(e.getValue(), reason));
            }
        }
        if (!created.isEmpty()) {
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

    /** A row the import wrote: its source key, and the id and version it has here (a decision is recorded on them). */
    public record Created(String sourceKey, long id, int version) {}

    private List<Created> insertAll(List<Row> rows, String reason) {
        int n = rows.size();
        String[] articles = new String[n], guests = new String[n], statuses = new String[n], bodies = new String[n],
                dirs = new String[n], dates = new String[n], search = new String[n], keys = new String[n], parents = new String[n],
                edited = new String[n], deleted = new String[n];
        Boolean[] featured = new Boolean[n], hidden = new Boolean[n];
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
            search[i] = r.searchText() != null ? r.searchText() : MatchNormalizer.normalize(r.body()).full().text();
            keys[i] = r.sourceKey();
            parents[i] = r.parentKey();
            Restored kept = r.restored();
            featured[i] = kept != null && kept.featured();
            hidden[i] = kept != null && kept.hidden();
            edited[i] = kept == null || kept.editedAt() == null ? null : kept.editedAt().toString();
            deleted[i] = kept == null || kept.deletedAt() == null ? null : kept.deletedAt().toString();
        }
        return Jdbc.list(INSERT, s -> {
            java.sql.Connection c = s.getConnection();
            s.setInt(1, config.maxDepth());
            s.setInt(2, config.maxDepth());
            // The rules column names the import, then the rules behind a status it decided (spam, or a re-moderation's).
            s.setArray(3, Jdbc.texts(s, reason == null ? List.of("import")
                    : java.util.stream.Stream.concat(java.util.stream.Stream.of("import"), java.util.Arrays.stream(reason.split(","))).toList()));
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
            s.setArray(14, c.createArrayOf("boolean", featured));
            s.setArray(15, c.createArrayOf("boolean", hidden));
            s.setArray(16, c.createArrayOf("text", edited));
            s.setArray(17, c.createArrayOf("text", deleted));
        }, r -> new Created(r.getString(1), r.getLong(2), r.getInt(3)));
    }

    // One statement per generation: the rows as arrays, each reply's parent found by its source key.
    private static final String INSERT = """
            insert into comments (article_id, author_id, guest_name, parent_id, depth, status, body, dir, created_at,
                                  deleted_at, search_text, rules, source_key, featured, hidden, edited_at)
            select r.article_id, r.author_id, r.guest_name,
                   case when p.id is null then null when p.depth < ? then p.id else p.parent_id end,
                   case when p.id is null then 0 else least(p.depth + 1, ?) end,
                   r.status, r.body, r.dir, r.created_at::timestamptz,
                   case when r.status = 'deleted' then coalesce(r.deleted_at::timestamptz, now()) end,
                   r.search_text, ?::text[], r.source_key, r.featured, r.hidden, r.edited_at::timestamptz
            from unnest(?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                        ?::boolean[], ?::boolean[], ?::text[], ?::text[])
                 with ordinality as r(article_id, author_id, guest_name, status, body, dir, created_at, search_text, source_key, parent_key,
                                      featured, hidden, edited_at, deleted_at, n)
            left join comments p on p.source_key = r.parent_key and p.article_id = r.article_id
            order by r.n
            on conflict (source_key) where source_key is not null do nothing
            returning source_key, id, version""";


}
