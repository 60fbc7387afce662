package com.hiwar.portability;

import com.hiwar.article.ArticleService;
import com.hiwar.audit.Audit;
import com.hiwar.auth.User;
import com.hiwar.comment.CommentStatus;
import com.hiwar.comment.ImportedComments;
import com.hiwar.problem.ProblemException;
import com.hiwar.text.TextSanitizer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.TextNode;

/**
 * Runs imports: the upload is streamed to a file and read through once before anything is
 * written, so a bad file is refused whole (a clear problem, nothing half-imported); then a job on
 * this instance writes it in batches, each batch one transaction with the job's tally. Every row
 * keeps its source id, so running the same file again, or a newer export, adds only what is new.
 */
@ApplicationScoped
public class Importer {

    static final String LOCATION = "/api/v1/admin/imports/";
    private static final Logger LOG = Logger.getLogger(Importer.class);

    /**
     * What the admin chose. {@code format}: {@code wxr} (WordPress) or {@code disqus}, or null to
     * tell by the file's root element. {@code includePings}: WordPress pingbacks and trackbacks,
     * skipped unless asked for. {@code remoderate}: comments published there go through the
     * text rules here (word lists, model) and may be held or rejected. {@code mergeGuests}: a
     * guest's comments under one email become one account, keyed by a salted hash of it.
     */
    public record Options(String format, boolean includePings, boolean remoderate, boolean mergeGuests) {}

    @Inject
    PortabilityConfig config;

    @Inject
    com.hiwar.http.HttpConfig limits;

    @Inject
    ImportedComments comments;

    @Inject
    ArticleService articles;

    @Inject
    com.hiwar.moderation.ModerationService moderation;

    @Inject
    com.hiwar.reaction.Likes likesOf;

    @Inject
    com.hiwar.report.Reports reportsOf;

    /** The job this instance runs now, or 0: one at a time, so a job never waits unheard in a queue. */
    private final java.util.concurrent.atomic.AtomicLong running = new java.util.concurrent.atomic.AtomicLong();

    private final ExecutorService jobs = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "hiwar-import");
        t.setDaemon(true);
        return t;
    });

    /**
     * A job whose instance died stays "running" in the table: after a minute without news it
     * failed (every instance looks; the update is idempotent).
     */
    @io.quarkus.scheduler.Scheduled(every = "1m", delayed = "1m", concurrentExecution = io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP)
    void failAbandoned() {
        int n = QuarkusTransaction.requiringNew().call(() -> ImportJobs.failAbandoned(java.time.Duration.ofMinutes(1)));
        if (n > 0) {
            LOG.infof("%d import job(s) abandoned by a stopped instance marked failed", n);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        jobs.shutdownNow();
    }

    /** Receives, checks and starts an import of a WordPress or Disqus export; the job as it starts. */
    public ImportJobs.View start(InputStream upload, Options asked, String by) {
        if (asked.mergeGuests() && config.guestSalt().filter(s -> s.length() >= 16).isEmpty()) {
            throw ProblemException.badParameter("mergeGuests", "needs a secret to hash guests' emails with: set HIWAR_IMPORTS_GUEST_SALT "
                    + "(at least 16 characters, kept the same for every import) and restart");
        }
        busy();
        Path file = receive(upload);
        try {
            Options options = new Options(asked.format() != null ? asked.format() : detect(file), asked.includePings(),
                    asked.remoderate(), asked.mergeGuests());
            long comments = check(file, options.format());
            Map<String, Object> shown = new LinkedHashMap<>();
            shown.put("includePings", options.includePings());
            shown.put("remoderate", options.remoderate());
            shown.put("mergeGuests", options.mergeGuests());
            shown.put("bytes", Files.size(file));
            shown.put("comments", comments);
            busy();
            long id = QuarkusTransaction.requiringNew().call(() -> ImportJobs.create(options.format(), shown, by));
            if (!running.compareAndSet(0, id)) { // another upload got here first, a moment ago
                QuarkusTransaction.requiringNew().run(() -> ImportJobs.write(id, new ImportJobs.Tally(), "failed",
                        "another import started on this instance at the same moment; upload the file again"));
                busy();
                throw new ProblemException(409, "import-running", "An import is running",
                        "Another import started on this instance at the same moment; upload the file again");
            }
            try {
                jobs.execute(() -> {
                    try {
                        run(id, file, options, by);
                    } finally {
                        running.set(0);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                running.set(0);
                throw new ProblemException(503, "stopping", "Stopping", "This instance is stopping; upload the file again");
            }
            return job(id);
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    /** 409 while this instance runs a job: its Location says which. */
    private void busy() {
        long now = running.get();
        if (now != 0) {
            throw new ProblemException(409, "import-running", "An import is running",
                    "Import " + now + " is still running on this instance; wait for it, then upload the next file",
                    java.util.List.of(), Map.of("Location", LOCATION + now));
        }
    }

    public ImportJobs.View job(long id) {
        return ImportJobs.find(id).orElseThrow(() -> ProblemException.notFound("Import job", id));
    }

    public List<ImportJobs.View> recent() {
        return ImportJobs.recent(50);
    }

    /** The upload to a file, stopping at the size limit: nothing of it is held in memory. */
    private Path receive(InputStream upload) {
        Path file;
        try {
            file = config.directory().isPresent() ? Files.createTempFile(config.directory().get(), "hiwar-import-", ".xml")
                    : Files.createTempFile("hiwar-import-", ".xml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (InputStream in = upload; OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > limits.maxImportBytes()) {
                    throw new ProblemException(413, "body-too-large", "Upload too large",
                            "An export may be at most " + limits.maxImportBytes() + " bytes (HIWAR_HTTP_MAX_IMPORT_BYTES)");
                }
                out.write(buffer, 0, n);
            }
            if (total == 0) {
                throw ProblemException.invalid("body", "is empty: upload the export file as the request body");
            }
            return file;
        } catch (IOException e) {
            delete(file);
            throw new ProblemException(400, "upload-failed", "Upload failed", "The upload was cut off: " + e.getMessage());
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    /** One pass over the whole file with nothing written: a file that fails it is refused. How many comments it has. */
    private static long check(Path file, String format) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            long[] comments = {0};
            source(format, in, Source.GuestKeys.NONE).read(post -> comments[0] += post.comments().size());
            return comments[0];
        } catch (SafeXml.Refused e) {
            throw ProblemException.invalid("body", "This file cannot be imported: " + e.getMessage());
        }
    }

    private static Source source(String format, InputStream in, Source.GuestKeys guests) throws SafeXml.Refused {
        return switch (format) {
            case "disqus" -> new DisqusReader(in, guests);
            case "ndjson" -> new NdjsonReader(in);
            default -> new WxrReader(in, guests);
        };
    }

    /**
     * A guest's account key: HMAC-SHA256 of their email (trimmed, lower case) under the
     * configured secret, so the same person merges across imports while the email itself is
     * never stored, and cannot be recovered by hashing guesses without the secret.
     */
    private Source.GuestKeys guestKeys(Options options) {
        if (!options.mergeGuests()) {
            return Source.GuestKeys.NONE;
        }
        javax.crypto.Mac mac;
        try {
            mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(config.guestSalt().orElseThrow().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "HmacSHA256"));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        // One job runs on one thread: its reader is the only user of this Mac.
        return email -> email == null || email.isBlank() ? null : User.GUEST_PREFIX + java.util.HexFormat.of().formatHex(
                mac.doFinal(email.strip().toLowerCase(java.util.Locale.ROOT).getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0, 16);
    }

    /** The format by the file's start: a Hiwar export's JSON, a {@code <disqus>} root, or (anything else, refused later if wrong) WXR. */
    private static String detect(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            in.mark(1);
            if (in.read() == '{') {
                return "ndjson";
            }
            in.reset();
            SafeXml xml = new SafeXml(in, 64, 1 << 20);
            return xml.next() && xml.isStart() && xml.name().equals("disqus") ? "disqus" : "wxr";
        } catch (SafeXml.Refused e) {
            return "wxr"; // the full check says what is wrong
        }
    }

    private void run(long id, Path file, Options options, String by) {
        ImportJobs.Tally tally = new ImportJobs.Tally();
        try (Counting in = new Counting(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            long size = Math.max(1, Files.size(file));
            Source source = source(options.format(), in, guestKeys(options));
            Batch batch = new Batch(id, source, options, by, tally);
            source.read(new Source.Sink() {
                @Override
                public void post(Source.Post post) {
                    add(batch.posts, post, Math.max(1, post.comments().size()));
                }

                @Override
                public void account(User.Restored account) {
                    add(batch.restored, account, 1);
                }

                @Override
                public void like(com.hiwar.reaction.Likes.Restored like) {
                    add(batch.likes, like, 1);
                }

                @Override
                public void report(com.hiwar.report.Reports.Restored report) {
                    add(batch.reports, report, 1);
                }

                @Override
                public void decision(com.hiwar.moderation.ModerationDecision.Restored decision) {
                    add(batch.decisions, decision, 1);
                }

                /** Waits in the batch; a full batch is written, with the job's progress. */
                private <T> void add(List<T> waiting, T row, int rows) {
                    waiting.add(row);
                    batch.pending += rows;
                    if (batch.pending >= config.batchSize()) {
                        tally.progress = (double) in.count / size;
                        batch.flush();
                    }
                }
            });
            tally.progress = 1;
            batch.flush();
            QuarkusTransaction.requiringNew().run(() -> {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("job", id);
                details.put("read", tally.read);
                details.put("created", tally.created);
                details.put("skipped", tally.skipped);
                details.put("failed", tally.failed);
                Audit.record(by, "import", null, null, null, switch (options.format()) {
                    case "disqus" -> "Disqus export";
                    case "ndjson" -> "Hiwar export";
                    default -> "WordPress export";
                }, details);
                ImportJobs.write(id, tally, "done", null);
            });
            LOG.infof("Import %d done: %d read, %d created, %d skipped, %d failed", id, tally.read, tally.created, tally.skipped, tally.failed);
        } catch (Exception e) {
            LOG.warnf(e, "Import %d failed", id);
            String why = e instanceof SafeXml.Refused ? e.getMessage() : e.toString();
            QuarkusTransaction.requiringNew().run(() -> ImportJobs.write(id, tally, "failed", why));
        } finally {
            delete(file);
        }
    }

    /** Posts waiting to be written, and the accounts already named in this job. */
    private final class Batch {
        final long job;
        final Source source;
        final Options options;
        final String actor;
        final ImportJobs.Tally tally;
        final List<Source.Post> posts = new ArrayList<>();
        /** Accounts of a Hiwar export, written before the comments that name them. */
        final List<User.Restored> restored = new ArrayList<>();
        /** Likes, reports and decisions of a Hiwar export, written after the comments they name. */
        final List<com.hiwar.reaction.Likes.Restored> likes = new ArrayList<>();
        final List<com.hiwar.report.Reports.Restored> reports = new ArrayList<>();
        final List<com.hiwar.moderation.ModerationDecision.Restored> decisions = new ArrayList<>();
        /** What the text rules said of this batch's published comments, when the admin asked (by source key). */
        final Map<String, com.hiwar.moderation.ModerationService.ImportVerdict> verdicts = new HashMap<>();
        /** Accounts named so far in this job, by subject. */
        final Map<String, Long> accounts = new HashMap<>();
        int pending;

        Batch(long job, Source source, Options options, String actor, ImportJobs.Tally tally) {
            this.job = job;
            this.source = source;
            this.options = options;
            this.actor = actor;
            this.tally = tally;
        }

        void flush() {
            QuarkusTransaction.requiringNew().run(() -> {
                write();
                ImportJobs.write(job, tally, "running", null);
            });
            posts.clear();
            restored.clear();
            likes.clear();
            reports.clear();
            decisions.clear();
            verdicts.clear();
            pending = 0;
        }

        /** The batch in a few round trips: its articles, the accounts it names for the first time, its comments. */
        private void write() {
            String prefix = source.keyPrefix();
            accounts.putAll(User.restored(restored));
            tally.users += restored.size();
            List<Source.Post> taken = new ArrayList<>();
            for (Source.Post post : posts) {
                try {
                    ArticleService.checkId(post.id());
                    taken.add(post);
                } catch (ProblemException e) {
                    post.comments().forEach(c -> {
                        tally.read++;
                        tally.fail(prefix + c.id(), "post id: " + e.getMessage());
                    });
                }
            }
            tally.articles += articles.imported(taken.stream()
                    .map(p -> new ArticleService.Imported(p.id(), p.url(), p.title(), p.commentsOpen(), p.date(), p.restored())).toList());
            Map<String, String> named = new LinkedHashMap<>();
            for (Source.Post post : taken) {
                for (Source.Entry c : post.comments()) {
                    String subject = subject(c);
                    if (subject != null && !accounts.containsKey(subject)) {
                        String name = TextSanitizer.cleanLabel(c.author(), 100);
                        named.putIfAbsent(subject, name != null ? name : c.userId() > 0 ? "WordPress user " + c.userId() : "Guest");
                    }
                }
            }
            accounts.putAll(User.imported(named));
            tally.users += named.size();
            List<ImportedComments.Row> rows = new ArrayList<>();
            for (Source.Post post : taken) {
                for (Source.Entry c : post.comments()) {
                    tally.read++;
                    ImportedComments.Row row = row(post, c, prefix);
                    if (row != null) {
                        rows.add(row);
                    }
                }
            }
            List<ImportedComments.Created> created = comments.insert(rows, actor);
            tally.created += created.size();
            tally.skip("already imported", rows.size() - created.size());
            List<com.hiwar.moderation.ModerationService.Decided> decided = new ArrayList<>();
            for (ImportedComments.Created c : created) {
                com.hiwar.moderation.ModerationService.ImportVerdict v = verdicts.get(c.sourceKey());
                if (v != null) {
                    decided.add(new com.hiwar.moderation.ModerationService.Decided(c.id(), c.version(), v));
                    tally.reasons.merge("remoderated: " + v.status().wire(), 1L, Long::sum);
                }
            }
            moderation.recordImported(decided);
            tally.likes += likesOf.restored(likes);
            tally.reports += reportsOf.restored(reports);
            tally.decisions += com.hiwar.moderation.ModerationDecision.restored(decisions,
                    comments.idsOfKeys(decisions.stream().map(com.hiwar.moderation.ModerationDecision.Restored::commentKey).toList()));
        }

        /** The account a comment's author is here, or null for a guest. */
        private String subject(Source.Entry c) {
            return c.subject() != null ? c.subject() : c.userId() > 0 ? config.subjectPrefix() + c.userId() : c.guestKey();
        }

        private ImportedComments.Row row(Source.Post post, Source.Entry c, String prefix) {
            String key = prefix + c.id();
            if (!options.includePings() && (c.type().equals("pingback") || c.type().equals("trackback"))) {
                tally.skip(c.type(), 1);
                return null;
            }
            CommentStatus status;
            String reason = null;
            switch (c.approved()) {
                case "1", "approve" -> status = CommentStatus.PUBLISHED;
                case "0", "hold" -> status = CommentStatus.PENDING;
                case "spam" -> {
                    status = CommentStatus.REJECTED;
                    reason = "spam";
                }
                case "rejected" -> {
                    status = CommentStatus.REJECTED;
                    reason = "restored";
                }
                case "trash", "post-trashed" -> status = CommentStatus.DELETED;
                default -> {
                    tally.fail(key, "unknown status \"" + TextSanitizer.cleanLabel(c.approved(), 40) + "\"");
                    return null;
                }
            }
            String body;
            try {
                // A deleted comment may have lost its text already (Hiwar's soft delete): it keeps its place.
                body = status == CommentStatus.DELETED && (c.content() == null || c.content().isBlank()) ? ""
                        : comments.cleanBody(source.html() ? plainText(c.content()) : c.content());
            } catch (ProblemException e) {
                tally.fail(key, "body " + e.getMessage().replaceAll("\\d+", "#"));
                return null;
            }
            com.hiwar.moderation.ModerationService.ImportVerdict verdict = null;
            if (options.remoderate() && status == CommentStatus.PUBLISHED) {
                verdict = moderation.screenImported(body);
                verdicts.put(key, verdict);
                if (verdict.status() != CommentStatus.PUBLISHED) {
                    status = verdict.status();
                    reason = verdict.reason();
                }
            }
            String subject = subject(c);
            Long author = subject == null ? null : accounts.get(subject);
            String guest = subject == null ? TextSanitizer.cleanLabel(c.author(), 100) : null;
            return new ImportedComments.Row(key, post.id(), c.parentId() == null ? null : prefix + c.parentId(), author, guest,
                    status, body, c.date(), reason, c.restored(), verdict == null ? null : verdict.searchText());
        }
    }


    /**
     * A WordPress comment as plain text: WordPress keeps what the commenter typed, with the few
     * tags it allows; tags go, their text and line breaks stay, entities are decoded.
     */
    private static final java.util.regex.Pattern BREAK = java.util.regex.Pattern.compile("(?i)<br\\s*/?>[ \\t]*\\r?\\n?");

    static String plainText(String content) {
        if (content == null) {
            return "";
        }
        if (content.indexOf('<') < 0 && content.indexOf('&') < 0) {
            return content.strip();
        }
        // WordPress writes "<br />" before the newline it stands for: one line break, not two.
        Document doc = Jsoup.parseBodyFragment(BREAK.matcher(content).replaceAll("\n"));
        doc.select("p, div, blockquote, li, pre").forEach(e -> e.after(new TextNode("\n\n")));
        return doc.body().wholeText().replaceAll("\n{3,}", "\n\n").strip();
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("Could not delete %s: %s", file, e.toString());
        }
    }

    /** How far the job has read, for its progress. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(0, n);
            return n;
        }
    }
}
