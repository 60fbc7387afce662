package com.hiwar.portability;

import com.hiwar.article.ArticleService;
import com.hiwar.auth.User;
import com.hiwar.comment.ImportedComments;
import com.hiwar.moderation.ModerationDecision;
import com.hiwar.reaction.Likes;
import com.hiwar.report.Reports;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Hiwar export ({@link Exporter}) to restore it: articles and accounts are kept (small),
 * comments are handed on in runs of one article's consecutive comments, keyed as the export keys
 * them. Decisions and the audit log are part of the export for the record; a restore writes its
 * own audit entries (action {@code import}).
 */
final class NdjsonReader implements Source {

    /** The longest line read: a comment of the longest body is at most about 30 KB of JSON. */
    static final int MAX_LINE = 256 << 10;

    private record Article(String url, String title, boolean open, Instant createdAt, ArticleService.Restored settings) {}

    private record Account(String subject, String name) {}

    private final Reader in;
    private final Map<String, Article> articles = new HashMap<>();
    private final Map<Long, Account> accounts = new HashMap<>();
    private final java.util.Set<String> handedOn = new java.util.HashSet<>();
    private final StringBuilder line = new StringBuilder();
    private long number;

    NdjsonReader(InputStream in) {
        this.in = new java.io.BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
    }

    @Override
    public String keyPrefix() {
        return "";
    }

    @Override
    public boolean html() {
        return false;
    }

    @Override
    public void read(Sink sink) throws SafeXml.Refused {
        JsonObject header = next();
        if (header == null || !"export".equals(header.getString("type")) || !Exporter.FORMAT.equals(header.getString("format"))) {
            throw new SafeXml.Refused("this is not a Hiwar export: its first line is not {\"type\": \"export\", \"format\": \"" + Exporter.FORMAT + "\"}");
        }
        Parts parts = new Parts(sink, this::post);
        for (JsonObject o; (o = next()) != null; ) {
            switch (String.valueOf(o.getValue("type"))) {
                case "article" -> articles.put(text(o, "id"), new Article(o.getString("url"), o.getString("title"),
                        !Boolean.FALSE.equals(o.getValue("open")), optionalInstant(o, "createdAt"),
                        new ArticleService.Restored(o.getString("section"), Boolean.TRUE.equals(o.getValue("premoderated")),
                                optionalInstant(o, "closesAt"))));
                case "user" -> {
                    accounts.put(number(o, "id"), new Account(text(o, "subject"), o.getString("name")));
                    sink.account(new User.Restored(text(o, "subject"), o.getString("name"), o.getString("status"),
                            optionalInstant(o, "bannedUntil"), Boolean.TRUE.equals(o.getValue("trusted")),
                            Boolean.TRUE.equals(o.getValue("premoderated")), optionalInstant(o, "createdAt")));
                }
                case "comment" -> parts.add(text(o, "articleId"), entry(o));
                case "like" -> sink.like(new Likes.Restored(text(o, "commentKey"), text(o, "subject"), optionalInstant(o, "createdAt")));
                case "report" -> sink.report(new Reports.Restored(text(o, "commentKey"), o.getString("subject"), text(o, "reason"),
                        o.getString("note"), (int) number(o, "weight"), instant(o, "createdAt"), optionalInstant(o, "resolvedAt"),
                        o.getString("resolution")));
                case "decision" -> {
                    if (o.getValue("commentKey") != null) { // an export before version 2 named comments by id only: for the record
                        Object reasons = o.getValue("reasons");
                        sink.decision(new ModerationDecision.Restored(text(o, "commentKey"), (int) number(o, "version"), text(o, "decision"),
                                reasons == null ? "[]" : io.vertx.core.json.Json.encode(reasons), o.getString("decidedBy"), instant(o, "createdAt"),
                                o.getValue("modelVersion") == null ? null : number(o, "modelVersion"),
                                o.getValue("modelScore") instanceof Number n ? n.floatValue() : null));
                    }
                }
                case "audit" -> { } // for the record: a restore writes its own
                default -> throw new SafeXml.Refused("line " + number + " has an unknown type: " + o.getValue("type"));
            }
        }
        parts.flush();
        // Articles nobody commented on are part of the site too.
        for (String id : List.copyOf(articles.keySet())) {
            if (!handedOn.contains(id)) {
                sink.post(post(id, List.of()));
            }
        }
    }

    private Post post(String articleId, List<Entry> comments) throws SafeXml.Refused {
        Article a = articles.get(articleId);
        if (a == null) {
            throw new SafeXml.Refused("comments of article " + articleId + " come before (or without) the article");
        }
        handedOn.add(articleId);
        return new Post(articleId, a.url(), a.title(), "article", null, a.open(), a.createdAt(), a.settings(), comments);
    }

    private Entry entry(JsonObject o) throws SafeXml.Refused {
        Long authorId = o.getValue("authorId") == null ? null : number(o, "authorId");
        Account author = authorId == null ? null : accounts.get(authorId);
        if (authorId != null && author == null) {
            throw new SafeXml.Refused("line " + number + " names account " + authorId + ", which the export does not have (before it)");
        }
        String status = switch (text(o, "status")) {
            case "published" -> "1";
            case "pending" -> "0";
            case "rejected" -> "rejected";
            case "deleted" -> "trash";
            default -> throw new SafeXml.Refused("line " + number + " has an unknown status: " + o.getValue("status"));
        };
        return new Entry(text(o, "key"), o.getString("parentKey"), author == null ? o.getString("guestName") : author.name(), 0,
                author == null ? null : author.subject(), instant(o, "createdAt"), o.getString("body", ""), status, "comment", null,
                new ImportedComments.Restored(Boolean.TRUE.equals(o.getValue("featured")), Boolean.TRUE.equals(o.getValue("hidden")),
                        optionalInstant(o, "editedAt"), optionalInstant(o, "deletedAt")));
    }

    private String text(JsonObject o, String field) throws SafeXml.Refused {
        Object v = o.getValue(field);
        if (!(v instanceof String s) || s.isEmpty()) {
            throw new SafeXml.Refused("line " + number + " has no " + field);
        }
        return s;
    }

    private long number(JsonObject o, String field) throws SafeXml.Refused {
        if (!(o.getValue(field) instanceof Number n)) {
            throw new SafeXml.Refused("line " + number + " has no numeric " + field);
        }
        return n.longValue();
    }

    private Instant instant(JsonObject o, String field) throws SafeXml.Refused {
        try {
            return OffsetDateTime.parse(text(o, field)).toInstant();
        } catch (DateTimeParseException e) {
            throw new SafeXml.Refused("line " + number + " has a " + field + " that is not a date: " + o.getValue(field));
        }
    }

    private Instant optionalInstant(JsonObject o, String field) throws SafeXml.Refused {
        return o.getValue(field) == null ? null : instant(o, field);
    }

    /** The next non-blank line as JSON, or null at the end. */
    private JsonObject next() throws SafeXml.Refused {
        try {
            while (true) {
                line.setLength(0);
                int c;
                while ((c = in.read()) >= 0 && c != '\n') {
                    if (line.length() >= MAX_LINE) {
                        throw new SafeXml.Refused("line " + (number + 1) + " is longer than " + MAX_LINE + " characters");
                    }
                    line.append((char) c);
                }
                if (c < 0 && line.isEmpty()) {
                    return null;
                }
                number++;
                if (line.toString().isBlank()) {
                    continue;
                }
                try {
                    return new JsonObject(line.toString());
                } catch (DecodeException | ClassCastException e) {
                    throw new SafeXml.Refused("line " + number + " is not a JSON object");
                }
            }
        } catch (CharacterCodingException e) {
            throw new SafeXml.Refused("line " + (number + 1) + " is not UTF-8");
        } catch (IOException e) {
            throw new SafeXml.Refused("the file could not be read: " + e.getMessage());
        }
    }
}
