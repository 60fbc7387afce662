package com.hiwar.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hiwar.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * "Public" is defined once for SQL (the comment_is_public function, used by the reader pages,
 * the counters' trigger and the store) and once for loaded comments (CommentStatus.isPublic):
 * this holds the two equal for every state a comment can be in.
 */
@QuarkusTest
class PublicRuleTest {

    @Test
    void javaAndSqlAgreeOnWhatIsPublicForEveryStatusAndHiddenFlag() {
        for (CommentStatus status : CommentStatus.values()) {
            for (boolean hidden : new boolean[] {false, true}) {
                Object sql = Db.scalar("select comment_is_public(cast(?1 as text), ?2)", status.wire(), hidden);
                assertEquals(sql, CommentStatus.isPublic(status, hidden), status + (hidden ? ", hidden" : ""));
            }
        }
    }
}
