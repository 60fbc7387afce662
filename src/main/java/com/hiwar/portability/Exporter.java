package com.hiwar.portability;

import com.hiwar.article.ArticleService;
import com.hiwar.audit.Audit;
import com.hiwar.auth.User;
import com.hiwar.comment.ImportedComments;
import com.hiwar.db.Jdbc;
import com.hiwar.moderation.ModerationDecision;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The whole site as NDJSON, one object per line, streamed from one consistent snapshot: a header,
 * then articles, accounts (nothing secret: no email is stored), comments (parents before
 * replies), moderation decisions and the audit log. The importer restores it ({@code
 * format=ndjson}), so a publisher can always leave with their data.
 */
@ApplicationScoped
public class Exporter {

    static final String FORMAT = "hiwar-ndjson";

    @Inject
    ArticleService articles;

    @Inject
    ImportedComments comments;

    @Inject
    PortabilityConfig config;

    /** Writes the export to {@code out}; what it wrote, by kind. */
    public Map<String, Long> write(OutputStream out, String by) {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        Map<String, Long> counts = new LinkedHashMap<>();
        QuarkusTransaction.requiringNew().timeout(3600).run(() -> {
            // One snapshot for every table: the lines agree with each other however long the export takes.
            Jdbc.update("set transaction isolation level repeatable read, read only", s -> { });
            line(w, new JsonObject().put("type", "export").put("format", FORMAT).put("version", 2)
                    .put("exportedAt", Instant.now().toString()).encode());
            counts.put("articles", articles.exportLines(l -> line(w, l)));
            counts.put("users", User.exportLines(l -> line(w, l)));
            counts.put("comments", comments.exportLines(l -> line(w, l)));
            // Likes, reports and decisions name their comment by its key and the reader by subject, as a restore finds them.
            Named named = new Named(w);
            counts.put("likes", named.all(com.hiwar.reaction.Likes::exportLines));
            counts.put("reports", named.all(com.hiwar.report.Reports::exportLines));
            counts.put("decisions", named.all(ModerationDecision::exportLines));
            counts.put("audit", Audit.exportLines(l -> line(w, l)));
        });
        try {
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        QuarkusTransaction.requiringNew().run(() -> Audit.record(by, "export", null, null, null, null, Map.copyOf(counts)));
        return counts;
    }

    /**
     * Writes the site in WordPress' export format (see {@link WxrWriter}) from one snapshot.
     * {@code zone} is the WordPress site's time zone, for its local dates. Articles are held in
     * memory (an id and a title each); comments stream, their authors looked up a part at a time.
     * What it wrote, by kind.
     */
    public Map<String, Long> writeWxr(OutputStream out, java.time.ZoneId zone, String by) {
        Map<String, Long> counts = new LinkedHashMap<>();
        QuarkusTransaction.requiringNew().timeout(3600).run(() -> {
            Jdbc.update("set transaction isolation level repeatable read, read only", s -> { });
            Map<String, JsonObject> byId = new LinkedHashMap<>();
            articles.exportLines(l -> {
                JsonObject a = new JsonObject(l);
                byId.put(a.getString("id"), a);
            });
            Map<String, Long> postIds = postIds(byId.keySet());
            String site = byId.values().stream().map(a -> a.getString("url")).filter(java.util.Objects::nonNull)
                    .map(Exporter::origin).filter(java.util.Objects::nonNull).findFirst().orElse("");
            try (WxrWriter wxr = new WxrWriter(out, zone, site)) {
                WxrComments part = new WxrComments(wxr, byId, postIds, config.subjectPrefix());
                counts.put("articles", (long) byId.size());
                counts.put("comments", comments.exportLinesByArticle(part::add));
                part.finish();
            } catch (javax.xml.stream.XMLStreamException e) {
                throw new UncheckedIOException(new IOException(e));
            }
        });
        QuarkusTransaction.requiringNew().run(() -> Audit.record(by, "export", null, null, null, "WordPress format", Map.copyOf(counts)));
        return counts;
    }

    /**
     * WordPress numbers its posts: an article whose id is a number keeps it, the others are
     * numbered after the largest (their Hiwar id goes along as post meta).
     */
    static Map<String, Long> postIds(java.util.Collection<String> ids) {
        Map<String, Long> out = new java.util.HashMap<>();
        long next = 0;
        for (String id : ids) {
            if (id.matches("[1-9][0-9]{0,17}")) {
                out.put(id, Long.parseLong(id));
                next = Math.max(next, Long.parseLong(id));
            }
        }
        for (String id : ids) {
            if (!out.containsKey(id)) {
                out.put(id, ++next);
            }
        }
        return out;
    }

    private static String origin(String url) {
        try {
            java.net.URI u = java.net.URI.create(url);
            return u.getScheme() == null || u.getHost() == null ? null
                    : u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Comments arrive grouped by article; each article's {@code <item>} is open while its comments
     * are written, a part of {@link Source#PART} at a time so their authors are read in one query.
     * An article is taken out of the map as it is written: what is left at the end has no comments.
     */
    private static final class WxrComments {
        final WxrWriter wxr;
        final Map<String, JsonObject> articles;
        final Map<String, Long> postIds;
        /** What the plugin's tokens put before a WordPress user's id: such an author is that user again. */
        final String prefix;
        final java.util.List<JsonObject> part = new java.util.ArrayList<>();
        String open;

        WxrComments(WxrWriter wxr, Map<String, JsonObject> articles, Map<String, Long> postIds, String prefix) {
            this.wxr = wxr;
            this.prefix = prefix;
            this.articles = articles;
            this.postIds = postIds;
        }

        void add(String line) {
            JsonObject c = new JsonObject(line);
            String article = c.getString("articleId");
            try {
                if (!article.equals(open) || part.size() == Source.PART) {
                    flush();
                }
                if (!article.equals(open)) {
                    if (open != null) {
                        wxr.endArticle();
                    }
                    wxr.startArticle(articles.remove(article), postIds.get(article));
                    open = article;
                }
                part.add(c);
            } catch (javax.xml.stream.XMLStreamException e) {
                throw new UncheckedIOException(new IOException(e));
            }
        }

        private void flush() throws javax.xml.stream.XMLStreamException {
            java.util.Set<Long> authors = new java.util.HashSet<>();
            part.forEach(c -> {
                if (c.getValue("authorId") instanceof Number n) {
                    authors.add(n.longValue());
                }
            });
            Map<Long, User> users = User.byIds(authors);
            for (JsonObject c : part) {
                User u = c.getValue("authorId") instanceof Number n ? users.get(n.longValue()) : null;
                String name = u == null ? c.getString("guestName") : u.displayName;
                String wpId = u == null || !u.subject.startsWith(prefix) ? "" : u.subject.substring(prefix.length());
                long wpUser = wpId.matches("[1-9][0-9]{0,17}") ? Long.parseLong(wpId) : 0;
                wxr.comment(c, name, wpUser);
            }
            part.clear();
        }

        void finish() throws javax.xml.stream.XMLStreamException {
            flush();
            if (open != null) {
                wxr.endArticle();
            }
            for (Map.Entry<String, JsonObject> a : articles.entrySet()) {
                wxr.startArticle(a.getValue(), postIds.get(a.getKey()));
                wxr.endArticle();
            }
        }
    }

    /**
     * Lines that name a comment and an account by id here, written with the comment's export key
     * ({@code commentKey}) and the account's subject ({@code subject}) added: looked up a part of
     * {@link Source#PART} lines at a time.
     */
    private final class Named {
        final Writer w;
        final java.util.List<JsonObject> part = new java.util.ArrayList<>();

        Named(Writer w) {
            this.w = w;
        }

        long all(java.util.function.ToLongFunction<java.util.function.Consumer<String>> lines) {
            long n = lines.applyAsLong(l -> {
                part.add(new JsonObject(l));
                if (part.size() == Source.PART) {
                    flush();
                }
            });
            flush();
            return n;
        }

        void flush() {
            java.util.Set<Long> commentIds = new java.util.HashSet<>(), userIds = new java.util.HashSet<>();
            for (JsonObject o : part) {
                if (o.getValue("commentId") instanceof Number n) {
                    commentIds.add(n.longValue());
                }
                if (o.getValue("userId") instanceof Number n) {
                    userIds.add(n.longValue());
                }
            }
            Map<Long, String> keys = comments.keysOf(commentIds);
            Map<Long, User> users = User.byIds(userIds);
            for (JsonObject o : part) {
                if (o.getValue("commentId") instanceof Number n) {
                    o.put("commentKey", keys.get(n.longValue()));
                }
                if (o.getValue("userId") instanceof Number n && users.containsKey(n.longValue())) {
                    o.put("subject", users.get(n.longValue()).subject);
                }
                line(w, o.encode());
            }
            part.clear();
        }
    }

    private static void line(Writer w, String json) {
        try {
            w.write(json);
            w.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
