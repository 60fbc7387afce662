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

    /** Writes the export to {@code out}; what it wrote, by kind. */
    public Map<String, Long> write(OutputStream out, String by) {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        Map<String, Long> counts = new LinkedHashMap<>();
        QuarkusTransaction.requiringNew().timeout(3600).run(() -> {
            // One snapshot for every table: the lines agree with each other however long the export takes.
            Jdbc.update("set transaction isolation level repeatable read, read only", s -> { });
            line(w, new JsonObject().put("type", "export").put("format", FORMAT).put("version", 1)
                    .put("exportedAt", Instant.now().toString()).encode());
            counts.put("articles", articles.exportLines(l -> line(w, l)));
            counts.put("users", User.exportLines(l -> line(w, l)));
            counts.put("comments", comments.exportLines(l -> line(w, l)));
            counts.put("decisions", ModerationDecision.exportLines(l -> line(w, l)));
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

    private static void line(Writer w, String json) {
        try {
            w.write(json);
            w.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
