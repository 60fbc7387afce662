package com.hiwar.portability;

import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Disqus export (Admin → Moderate → Export: every thread, then every post) as a stream.
 * Threads are kept (their identifier, link and title: small); posts are handed on in groups of
 * one thread's consecutive posts, so memory holds one group at a time. Authors become guests by
 * name: Disqus accounts mean nothing to the publisher's login. No email or IP address is read.
 */
final class DisqusReader implements Source {

    // disqus > post > author > name is as deep as the export goes.
    static final int MAX_DEPTH = 6;

    private record Thread(String identifier, String url, String title) {}

    private final SafeXml xml;
    private final Map<String, Thread> threads = new HashMap<>();

    private final GuestKeys guests;

    DisqusReader(InputStream in, GuestKeys guests) throws SafeXml.Refused {
        xml = new SafeXml(in, MAX_DEPTH, WxrReader.MAX_TEXT);
        this.guests = guests;
    }

    @Override
    public String keyPrefix() {
        return "disqus:";
    }

    @Override
    public void read(Sink sink) throws SafeXml.Refused {
        boolean root = false;
        Parts parts = new Parts(sink, this::article);
        while (xml.next()) {
            if (!xml.isStart()) {
                continue;
            }
            if (xml.depth() == 1) {
                if (!xml.name().equals("disqus")) {
                    throw new SafeXml.Refused("this is not a Disqus export: its root is <" + xml.name() + ">, not <disqus>");
                }
                root = true;
            } else if (xml.depth() == 2 && xml.name().equals("thread")) {
                thread();
            } else if (xml.depth() == 2 && xml.name().equals("post")) {
                Posted p = post();
                parts.add(p.thread, p.entry);
            } else if (xml.depth() == 2) {
                xml.skip(); // categories
            }
        }
        if (!root) {
            throw new SafeXml.Refused("the file is empty: no <disqus> element");
        }
        parts.flush();
    }

    private Post article(String threadId, List<Entry> posts) throws SafeXml.Refused {
        Thread t = threads.get(threadId);
        if (t == null) {
            throw new SafeXml.Refused("a post names thread " + threadId + ", which the file does not have (before its posts)");
        }
        // The identifier the site gave the thread is its article id; WordPress' Disqus plugin writes "<post id> <guid>".
        String id = t.identifier == null || t.identifier.isBlank() ? "disqus-" + threadId : t.identifier.strip().split("\\s+")[0];
        return new Post(id, t.url, t.title, "thread", null, true, null, null, posts);
    }

    private void thread() throws SafeXml.Refused {
        String dsq = xml.attribute("http://disqus.com/disqus-internals", "id");
        int depth = xml.depth();
        String identifier = null, url = null, title = null;
        while (xml.nextChild(depth)) {
            switch (xml.name()) {
                case "id" -> identifier = xml.text();
                case "link" -> url = xml.text().strip();
                case "title" -> title = xml.text();
                default -> xml.skip();
            }
        }
        if (dsq == null) {
            throw new SafeXml.Refused("a thread without dsq:id ends at line " + xml.line());
        }
        threads.put(dsq, new Thread(identifier, url, title));
    }

    private record Posted(String thread, Entry entry) {}

    private Posted post() throws SafeXml.Refused {
        String dsq = xml.attribute("http://disqus.com/disqus-internals", "id");
        int depth = xml.depth();
        String message = "", created = null, thread = null, parent = null;
        String[] author = {null, null};
        boolean deleted = false, spam = false, approved = true;
        while (xml.nextChild(depth)) {
            switch (xml.name()) {
                case "message" -> message = xml.text();
                case "createdAt" -> created = xml.text().strip();
                case "isDeleted" -> deleted = Boolean.parseBoolean(xml.text().strip());
                case "isSpam" -> spam = Boolean.parseBoolean(xml.text().strip());
                case "isApproved" -> approved = Boolean.parseBoolean(xml.text().strip());
                case "thread" -> {
                    thread = xml.attribute("http://disqus.com/disqus-internals", "id");
                    xml.skip();
                }
                case "parent" -> {
                    parent = xml.attribute("http://disqus.com/disqus-internals", "id");
                    xml.skip();
                }
                case "author" -> author = author();
                default -> xml.skip();
            }
        }
        if (dsq == null || thread == null) {
            throw new SafeXml.Refused("a post without dsq:id or thread ends at line " + xml.line());
        }
        String status = spam ? "spam" : deleted ? "trash" : approved ? "1" : "0";
        return new Posted(thread, new Entry(dsq, parent, author[0], 0, null, when(created), message, status, "comment",
                guests.of(author[1]), null));
    }

    /** The author's display name and their email (only to hash it, if asked); their username is skipped. */
    private String[] author() throws SafeXml.Refused {
        int depth = xml.depth();
        String name = null, email = null;
        while (xml.nextChild(depth)) {
            switch (xml.name()) {
                case "name" -> name = xml.text();
                case "email" -> email = xml.text();
                default -> xml.skip();
            }
        }
        return new String[] {name, email};
    }

    private static Instant when(String s) {
        try {
            return s == null ? Instant.EPOCH : Instant.parse(s);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
