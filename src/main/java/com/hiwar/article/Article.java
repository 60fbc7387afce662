package com.hiwar.article;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

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
    @Column(name = "created_at")
    public Instant createdAt;

    /** Inserts the article unless it exists; concurrent first comments cannot collide. */
    static void insertIfAbsent(String id, String url, String title) {
        getEntityManager().createNativeQuery("""
                insert into articles (id, url, title) values (:id, :url, :title)
                on conflict (id) do nothing""")
                .setParameter("id", id)
                .setParameter("url", url)
                .setParameter("title", title)
                .executeUpdate();
    }
}
