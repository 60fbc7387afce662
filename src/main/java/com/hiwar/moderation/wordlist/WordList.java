package com.hiwar.moderation.wordlist;

import com.hiwar.moderation.rules.WordListName;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A word list's header: its version goes up with every change. Terms live in word_list_terms. */
@Entity
@Table(name = "word_lists")
public class WordList extends PanacheEntityBase {

    @Id
    public String name;
    public long version;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;

    /** Creates the list with its default terms unless it exists; safe when instances start together. */
    static boolean seedIfAbsent(WordListName list, List<String> terms) {
        int created = Panache.getEntityManager().createNativeQuery(
                "insert into word_lists (name, updated_by) values (:n, 'defaults') on conflict do nothing")
                .setParameter("n", list.id()).executeUpdate();
        if (created == 0) {
            return false;
        }
        insertTerms(list, terms);
        return true;
    }

    static List<String> terms(WordListName list) {
        @SuppressWarnings("unchecked")
        List<String> terms = Panache.getEntityManager()
                .createNativeQuery("select term from word_list_terms where list = :n order by term")
                .setParameter("n", list.id()).getResultList();
        return terms;
    }

    static Map<String, Long> versions() {
        List<WordList> all = listAll();
        return all.stream().collect(Collectors.toMap(w -> w.name, w -> w.version));
    }

    static void replaceTerms(WordListName list, Collection<String> terms) {
        Panache.getEntityManager().createNativeQuery("delete from word_list_terms where list = :n")
                .setParameter("n", list.id()).executeUpdate();
        insertTerms(list, terms);
    }

    private static void insertTerms(WordListName list, Collection<String> terms) {
        if (terms.isEmpty()) {
            return;
        }
        Panache.getEntityManager().createNativeQuery(
                "insert into word_list_terms (list, term) select :n, unnest(cast(:terms as text[])) on conflict do nothing")
                .setParameter("n", list.id())
                .setParameter("terms", terms.toArray(String[]::new))
                .executeUpdate();
    }
}
