package com.hiwar.portability;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a WordPress export (WXR 1.0 to 1.2, what Tools → Export writes) as a stream: each post
 * with its comments, one at a time, handed to a {@link Source.Sink}. Only what an import maps is
 * kept: no email and no IP address is read into memory.
 */
final class WxrReader implements Source {

    // rss > channel > item > wp:comment > wp:commentmeta > wp:meta_value is as deep as WXR goes.
    static final int MAX_DEPTH = 8;
    // WordPress keeps at most 65,525 characters of a comment; twice that bounds a part's memory (PART comments).
    static final int MAX_TEXT = 128 << 10;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final SafeXml xml;
    private String site = "";

    private final GuestKeys guests;

    WxrReader(InputStream in, GuestKeys guests) throws SafeXml.Refused {
        xml = new SafeXml(in, MAX_DEPTH, MAX_TEXT);
        this.guests = guests;
    }

    @Override
    public void read(Sink sink) throws SafeXml.Refused {
        boolean rss = false;
        while (xml.next()) {
            if (!xml.isStart()) {
                continue;
            }
            String name = xml.name();
            if (xml.depth() == 1) {
                if (!name.equals("rss")) {
                    throw new SafeXml.Refused("this is not a WordPress export: its root is <" + name + ">, not <rss>");
                }
                rss = true;
            } else if (name.equals("base_site_url") && isWp()) {
                site = site(xml.text());
            } else if (name.equals("item") && xml.depth() == 3) {
                item(sink);
            }
        }
        if (!rss) {
            throw new SafeXml.Refused("the file is empty: no <rss> element");
        }
    }

    @Override
    public String keyPrefix() {
        return "wp:" + site + ":";
    }

    private boolean isWp() {
        return xml.namespace().startsWith("http://wordpress.org/export/");
    }

    /** One post: handed on in parts of at most {@link #PART} comments (its id, link and title come before its comments). */
    private void item(Sink sink) throws SafeXml.Refused {
        int depth = xml.depth();
        String id = null, url = null, title = null, type = null, status = null, date = null, dateGmt = null;
        boolean open = true;
        List<Entry> comments = new ArrayList<>();
        while (xml.nextChild(depth)) {
            switch (xml.name()) {
                case "title" -> title = xml.text();
                case "link" -> url = xml.text();
                case "post_id" -> id = xml.text().strip();
                case "post_type" -> type = xml.text().strip();
                case "status" -> status = xml.text().strip();
                case "comment_status" -> open = !"closed".equals(xml.text().strip());
                case "post_date" -> date = isWp() ? xml.text().strip() : null;
                case "post_date_gmt" -> dateGmt = isWp() ? xml.text().strip() : null;
                case "comment" -> {
                    if (!isWp()) {
                        xml.skip();
                        continue;
                    }
                    comments.add(comment());
                    if (comments.size() == PART && id != null) {
                        sink.post(new Post(id, url, title, type, status, open, published(dateGmt, date), null, comments));
                        comments = new ArrayList<>();
                    }
                }
                default -> xml.skip();
            }
        }
        // A post without comments matters only if it is closed: else its article is made by its first comment.
        boolean closedPost = !open && ("post".equals(type) || "page".equals(type));
        if (id != null && (!comments.isEmpty() || closedPost)) {
            sink.post(new Post(id, url, title, type, status, open, published(dateGmt, date), null, comments));
        }
    }

    private Entry comment() throws SafeXml.Refused {
        int depth = xml.depth();
        String id = null, parent = null, author = null, date = null, dateGmt = null, content = "", approved = "1", type = "";
        String email = null;
        String userId = "0";
        while (xml.nextChild(depth)) {
            switch (xml.name()) {
                case "comment_id" -> id = xml.text().strip();
                case "comment_parent" -> parent = xml.text().strip();
                case "comment_author" -> author = xml.text();
                case "comment_date" -> date = xml.text().strip();
                case "comment_date_gmt" -> dateGmt = xml.text().strip();
                case "comment_content" -> content = xml.text();
                case "comment_approved" -> approved = xml.text().strip();
                case "comment_type" -> type = xml.text().strip();
                case "comment_user_id" -> userId = xml.text().strip();
                case "comment_author_email" -> email = xml.text(); // only to hash it, if asked
                default -> xml.skip(); // IP address, URL, agent, meta: not kept
            }
        }
        if (id == null || id.isEmpty()) {
            throw new SafeXml.Refused("a comment without <wp:comment_id> ends at line " + xml.line());
        }
        return new Entry(id, "0".equals(parent) || parent == null || parent.isEmpty() ? null : parent, author,
                number(userId), null, when(dateGmt, date), content, approved, type.isEmpty() ? "comment" : type, guests.of(email), null);
    }

    private static long number(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** When a post was published, or null for a draft that never was. */
    private static Instant published(String gmt, String local) {
        Instant when = when(gmt, local);
        return when.equals(Instant.EPOCH) ? null : when;
    }

    /** GMT when WordPress knew it; else the site's local time, taken as UTC; else the epoch (a draft's 0000-00-00). */
    private static Instant when(String gmt, String local) {
        for (String s : new String[] {gmt, local}) {
            if (s != null && !s.startsWith("0000")) {
                try {
                    return LocalDateTime.parse(s, DATE).toInstant(ZoneOffset.UTC);
                } catch (DateTimeParseException e) {
                    // the next one, then the epoch
                }
            }
        }
        return Instant.EPOCH;
    }

    /** The site as its comment keys name it: host and path (WordPress in /blog is a site of its own), no scheme. */
    private static String site(String url) {
        try {
            java.net.URI uri = java.net.URI.create(url.strip());
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(java.util.Locale.ROOT);
            String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
            return host + path;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
