package com.hiwar.comment;

import com.hiwar.db.Jdbc;
import java.util.Collection;
import java.util.Set;

/** Which of these comments a reader liked; implemented by the owner of likes, so comments do not depend on it. */
public interface LikesOf {

    Set<Long> likedBy(long viewer, Collection<Long> commentIds);

    /** The same question as a query of one column (the comment ids) that a page's statement asks along. */
    Jdbc.Companion likedBySql(long viewer, Collection<Long> commentIds);
}
