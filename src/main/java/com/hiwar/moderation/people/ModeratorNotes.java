package com.hiwar.moderation.people;

import com.hiwar.db.Row;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.Tuple;
import java.util.List;

import static com.hiwar.db.Rows.count;
import static com.hiwar.db.Rows.instant;

/** Moderators' notes on a reader: the moderator_notes table's owner. */
public final class ModeratorNotes {

    private ModeratorNotes() {}

    static void add(long userId, String moderator, String body) {
        Panache.getEntityManager().createNativeQuery(
                "insert into moderator_notes (user_id, author, body) values (:u, :a, :b)")
                .setParameter("u", userId).setParameter("a", moderator).setParameter("b", body).executeUpdate();
    }

    static List<ModeratedUsers.Note> about(long userId, int limit) {
        return Row.all(Panache.getEntityManager().createNativeQuery(
                "select id, author, body, created_at from moderator_notes where user_id = :u order by id desc limit :n", Tuple.class)
                .setParameter("u", userId).setParameter("n", limit)).stream()
                .map(n -> new ModeratedUsers.Note(n.number("id"), n.text("author"), n.text("body"), n.instant("created_at"))).toList();
    }

    /** Erasure of the reader the notes are about: they go with the account. */
    public static void forgetAbout(long userId) {
        Panache.getEntityManager().createNativeQuery("delete from moderator_notes where user_id = :u")
                .setParameter("u", userId).executeUpdate();
    }

    /** Erasure of a moderator: notes they wrote name a pseudonym instead of their login. */
    public static void pseudonymize(String subject, String pseudonym) {
        Panache.getEntityManager().createNativeQuery("update moderator_notes set author = :p where author = :s")
                .setParameter("p", pseudonym).setParameter("s", subject).executeUpdate();
    }
}
