package com.hiwar.moderation.people;

import io.quarkus.hibernate.orm.panache.Panache;
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
        @SuppressWarnings("unchecked")
        List<Object[]> notes = Panache.getEntityManager().createNativeQuery(
                "select id, author, body, created_at from moderator_notes where user_id = :u order by id desc limit :n")
                .setParameter("u", userId).setParameter("n", limit).getResultList();
        return notes.stream().map(n -> new ModeratedUsers.Note(count(n[0]), (String) n[1], (String) n[2], instant(n[3]))).toList();
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
