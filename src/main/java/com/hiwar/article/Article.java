package com.hiwar.article;

import com.hiwar.db.Jdbc;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Formula;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** A publisher's article; its id is the publisher's own (a WordPress post id, a slug). */
@Entity
@Table(name = "articles")
public class Article extends PanacheEntityBase {

    @Id
    public String id;
    public String url;
    public String title;
    public boolean open;
    /** Every comment waits for review (set by moderators on sensitive stories). */
    public boolean premoderated;
    /** Auto-close: no new comments after this (null: stays open). */
    @jakarta.persistence.Column(name = "closes_at")
    public java.time.Instant closesAt;

    public boolean acceptsComments(java.time.Instant now) {
        return open && (closesAt == null || now.isBefore(closesAt));
    }
    @Column(name = "created_at")
    public Instant createdAt;
    /** A moderator corrected title or URL: comments' proposals no longer change them. */
    @Column(name = "metadata_locked")
    public boolean metadataLocked;
    /** When the publisher's page last confirmed title and URL. */
    @Column(name = "metadata_confirmed_at")
    public Instant metadataConfirmedAt;
    /** The publisher's section (a desk: sports, politics ...), lower-cased; null when none is known. */
    public String section;
    /** Public comments: the sum of the slots a database trigger keeps (V22). */
    @Formula("article_published_count(id)")
    public int publishedCount;

    private static final String COLUMNS = """
            id, url, title, open, premoderated, closes_at, created_at, metadata_locked,
            metadata_confirmed_at, article_published_count(id) as published_count, section""";

    /** A detached copy read without a Hibernate session, for the comment pages (see {@link Jdbc}). */
    static Optional<Article> peek(String id) {
        return Jdbc.list("select " + COLUMNS + " from articles where id = ?", s -> s.setString(1, id), Article::detached)
                .stream().findFirst();
    }

    /** Detached copies, for display (queues, notifications, exports). */
    static List<Article> peek(Collection<String> ids) {
        return Jdbc.list("select " + COLUMNS + " from articles where id = any(?)",
                s -> s.setArray(1, Jdbc.texts(s, ids)), Article::detached);
    }

    private static Article detached(ResultSet r) throws SQLException {
        Article a = new Article();
        a.id = r.getString("id");
        a.url = r.getString("url");
        a.title = r.getString("title");
        a.open = r.getBoolean("open");
        a.premoderated = r.getBoolean("premoderated");
        a.closesAt = Jdbc.instant(r, "closes_at");
        a.createdAt = Jdbc.instant(r, "created_at");
        a.metadataLocked = r.getBoolean("metadata_locked");
        a.metadataConfirmedAt = Jdbc.instant(r, "metadata_confirmed_at");
        a.publishedCount = r.getInt("published_count");
        a.section = r.getString("section");
        return a;
    }

    /** Inserts the article unless it exists; concurrent first comments cannot collide. */
    static boolean insertIfAbsent(String id, String url, String title, String section, java.time.Instant closesAt) {
        return getEntityManager().createNativeQuery("""
                insert into articles (id, url, title, section, closes_at) values (:id, :url, :title, :section, :closes)
                on conflict (id) do nothing""")
                .setParameter("id", id)
                .setParameter("url", url)
                .setParameter("title", title)
                .setParameter("section", section)
                .setParameter("closes", closesAt)
                .executeUpdate() > 0;
    }
}
