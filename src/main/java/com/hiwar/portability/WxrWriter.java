package com.hiwar.portability;

import io.vertx.core.json.JsonObject;
import java.io.OutputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes WordPress' own export format (WXR 1.2, as Tools → Export writes it), so a publisher can
 * take the comments back: one {@code <item>} per article, its comments inside, in the elements
 * and namespaces WordPress' exporter uses. Comments are plain text here, so their text is
 * escaped: WordPress shows "&lt;b&gt;" as typed, never as markup.
 */
final class WxrWriter implements AutoCloseable {

    static final String WP = "http://wordpress.org/export/1.2/";
    private static final DateTimeFormatter WP_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter RSS_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final XMLStreamWriter xml;
    private final ZoneId zone;

    WxrWriter(OutputStream out, ZoneId zone, String siteUrl) {
        this.zone = zone;
        try {
            xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("rss");
            xml.writeAttribute("version", "2.0");
            xml.writeNamespace("excerpt", "http://wordpress.org/export/1.2/excerpt/");
            xml.writeNamespace("content", "http://purl.org/rss/1.0/modules/content/");
            xml.writeNamespace("wfw", "http://wellformedweb.org/CommentAPI/");
            xml.writeNamespace("dc", "http://purl.org/dc/elements/1.1/");
            xml.writeNamespace("wp", WP);
            xml.writeStartElement("channel");
            text("title", "Hiwar export");
            text("link", siteUrl);
            text("description", "Comments exported from Hiwar");
            text("pubDate", RSS_DATE.format(OffsetDateTime.now(ZoneOffset.UTC)));
            text("language", "ar");
            wp("wxr_version", "1.2");
            wp("base_site_url", siteUrl);
            wp("base_blog_url", siteUrl);
            text("generator", "Hiwar");
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Opens an article's {@code <item>}: a post with its title, permalink, date, and whether it
     * takes comments. {@code postId} is WordPress' number for it; the Hiwar id goes along as post
     * meta.
     */
    void startArticle(JsonObject article, long postId) throws XMLStreamException {
        Instant created = instant(article.getString("createdAt"));
        xml.writeStartElement("item");
        text("title", article.getString("title", ""));
        text("link", article.getString("url", ""));
        text("pubDate", RSS_DATE.format(created.atOffset(ZoneOffset.UTC)));
        xml.writeStartElement("dc", "creator", "http://purl.org/dc/elements/1.1/");
        xml.writeEndElement();
        xml.writeStartElement("guid");
        xml.writeAttribute("isPermaLink", "false");
        xml.writeCharacters("hiwar:article:" + article.getString("id"));
        xml.writeEndElement();
        text("description", "");
        cdata("content", "encoded", "http://purl.org/rss/1.0/modules/content/", "");
        cdata("excerpt", "encoded", "http://wordpress.org/export/1.2/excerpt/", "");
        wp("post_id", Long.toString(postId));
        wp("post_date", WP_DATE.format(created.atZone(zone)));
        wp("post_date_gmt", WP_DATE.format(created.atOffset(ZoneOffset.UTC)));
        wp("comment_status", Boolean.FALSE.equals(article.getValue("open")) ? "closed" : "open");
        wp("ping_status", "closed");
        wp("post_name", "");
        wp("status", "publish");
        wp("post_parent", "0");
        wp("menu_order", "0");
        wp("post_type", "post");
        wp("post_password", "");
        wp("is_sticky", "0");
        xml.writeStartElement("wp", "postmeta", WP);
        wp("meta_key", "_hiwar_article_id");
        cdata("wp", "meta_value", WP, article.getString("id"));
        xml.writeEndElement();
    }

    /**
     * One comment. Statuses map to WordPress' own: published 1, pending (or hidden by a
     * moderator) 0, rejected spam, deleted trash. {@code wpUserId} is the WordPress account the
     * author's token named, or 0.
     */
    void comment(JsonObject c, String author, long wpUserId) throws XMLStreamException {
        Instant created = instant(c.getString("createdAt"));
        String status = c.getString("status");
        xml.writeStartElement("wp", "comment", WP);
        wp("comment_id", String.valueOf(c.getValue("id")));
        cdata("wp", "comment_author", WP, author == null ? "" : author);
        cdata("wp", "comment_author_email", WP, "");
        wp("comment_author_url", "");
        wp("comment_author_IP", "");
        wp("comment_date", WP_DATE.format(created.atZone(zone)));
        wp("comment_date_gmt", WP_DATE.format(created.atOffset(ZoneOffset.UTC)));
        cdata("wp", "comment_content", WP, escapeHtml(c.getString("body", "")));
        wp("comment_approved", switch (status) {
            case "published" -> Boolean.TRUE.equals(c.getValue("hidden")) ? "0" : "1";
            case "rejected" -> "spam";
            case "deleted" -> "trash";
            default -> "0";
        });
        wp("comment_type", "comment");
        wp("comment_parent", c.getValue("parentId") == null ? "0" : String.valueOf(c.getValue("parentId")));
        wp("comment_user_id", Long.toString(wpUserId));
        xml.writeEndElement();
    }

    void endArticle() throws XMLStreamException {
        xml.writeEndElement();
        xml.writeCharacters("\n");
    }

    @Override
    public void close() throws XMLStreamException {
        xml.writeEndElement(); // channel
        xml.writeEndElement(); // rss
        xml.writeEndDocument();
        xml.flush();
    }

    private void text(String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(xmlSafe(value));
        xml.writeEndElement();
    }

    private void wp(String name, String value) throws XMLStreamException {
        xml.writeStartElement("wp", name, WP);
        xml.writeCharacters(xmlSafe(value));
        xml.writeEndElement();
    }

    /** Text in CDATA, as WordPress writes it; a "]]>" inside is split across two sections. */
    private void cdata(String prefix, String name, String namespace, String value) throws XMLStreamException {
        xml.writeStartElement(prefix, name, namespace);
        String safe = xmlSafe(value);
        int from = 0;
        for (int at; (at = safe.indexOf("]]>", from)) >= 0; from = at + 2) {
            xml.writeCData(safe.substring(from, at + 2));
        }
        xml.writeCData(safe.substring(from));
        xml.writeEndElement();
    }

    /** Plain text as HTML that shows it as typed: WordPress keeps comment content as HTML. */
    static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Drops what XML 1.0 cannot carry (control characters other than tab and line breaks, lone surrogates). */
    static String xmlSafe(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            boolean ok = ch == '\t' || ch == '\n' || ch == '\r' || (ch >= 0x20 && ch <= 0xD7FF) || (ch >= 0xE000 && ch <= 0xFFFD)
                    || (Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
                    || (Character.isLowSurrogate(ch) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
            if (!ok && out == null) {
                out = new StringBuilder(s.length()).append(s, 0, i);
            } else if (ok && out != null) {
                out.append(ch);
            }
        }
        return out == null ? s : out.toString();
    }

    private static Instant instant(String iso) {
        return iso == null ? Instant.EPOCH : OffsetDateTime.parse(iso).toInstant();
    }
}
