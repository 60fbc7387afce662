package com.hiwar.comment;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A kept first page as every signed-in reader sees it before their own marks: each comment
 * {@code "liked":false}, none {@code mine}, kept as bytes with where each {@code false} sits. A
 * reader's page is then a copy of those bytes with their likes turned {@code true}, byte for byte
 * what rendering their overlaid page gives, without the overlay or the serializer (a tenth of a
 * signed-in page's CPU). It fits only a reader who wrote none of the page's comments: for an
 * author {@code mine} and the edit window change the page, which is then overlaid and rendered.
 */
final class ReaderTemplate {

    private static final byte[] UNLIKED = "\"liked\":false".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    /** Where the {@code false} starts within {@link #UNLIKED}. */
    private static final int VALUE = UNLIKED.length - "false".length();

    private final byte[] body;
    /** In the order they appear: the comment, and the offset of its {@code false}. */
    private final long[] ids;
    private final int[] offsets;
    private final Set<Long> authors;

    private ReaderTemplate(byte[] body, long[] ids, int[] offsets, Set<Long> authors) {
        this.body = body;
        this.ids = ids;
        this.offsets = offsets;
        this.authors = authors;
    }

    /**
     * The template of a page as a reader who wrote and likes nothing sees it ({@code unmarked}),
     * serialized by {@code serializer}; one that fits nobody if its bytes do not line up with its comments.
     */
    static ReaderTemplate of(CommentPage unmarked, Function<Object, byte[]> serializer) {
        List<Long> ids = new ArrayList<>();
        Set<Long> authors = new HashSet<>();
        Stream.of(unmarked.featured(), unmarked.comments()).filter(Objects::nonNull).flatMap(List::stream)
                .forEach(v -> walk(v, ids, authors));
        byte[] body = serializer.apply(unmarked);
        // Inside a JSON string every quote is escaped, so the pattern only ever matches the field itself;
        // the fields come in the order walked (a comment, then its replies), which the count confirms.
        int[] offsets = new int[ids.size()];
        int found = 0;
        for (int at = indexOf(body, 0); at >= 0; at = indexOf(body, at + UNLIKED.length)) {
            if (found == offsets.length) {
                return new ReaderTemplate(body, null, null, Set.of());
            }
            offsets[found++] = at + VALUE;
        }
        if (found != offsets.length) {
            return new ReaderTemplate(body, null, null, Set.of());
        }
        return new ReaderTemplate(body, ids.stream().mapToLong(Long::longValue).toArray(), offsets, authors);
    }

    /** Whether this reader's page is the template with their likes marked: they wrote none of its comments. */
    boolean fits(long viewer) {
        return ids != null && !authors.contains(viewer);
    }

    /** The page of a reader it {@link #fits}, who likes {@code liked} among its comments. */
    byte[] with(Set<Long> liked) {
        int marked = 0;
        for (long id : ids) {
            marked += liked.contains(id) ? 1 : 0;
        }
        if (marked == 0) {
            return body;
        }
        byte[] out = new byte[body.length - marked]; // "true" is a byte shorter than "false"
        int from = 0, to = 0;
        for (int i = 0; i < ids.length; i++) {
            if (liked.contains(ids[i])) {
                int n = offsets[i] - from;
                System.arraycopy(body, from, out, to, n);
                System.arraycopy(TRUE, 0, out, to + n, TRUE.length);
                to += n + TRUE.length;
                from = offsets[i] + TRUE.length + 1;
            }
        }
        System.arraycopy(body, from, out, to, body.length - from);
        return out;
    }

    private static void walk(CommentView v, List<Long> ids, Set<Long> authors) {
        if (v.liked() != null) {
            ids.add(v.id());
        }
        if (v.author() != null && v.author().id() != null) {
            authors.add(v.author().id());
        }
        if (v.replies() != null) {
            v.replies().forEach(r -> walk(r, ids, authors));
        }
    }

    private static int indexOf(byte[] body, int from) {
        outer:
        for (int i = from; i <= body.length - UNLIKED.length; i++) {
            for (int j = 0; j < UNLIKED.length; j++) {
                if (body[i + j] != UNLIKED[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
