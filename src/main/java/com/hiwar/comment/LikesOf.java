package com.hiwar.comment;

import java.util.Collection;
import java.util.Set;

/** Which of these comments a reader liked; implemented by the owner of likes, so comments do not depend on it. */
public interface LikesOf {

    Set<Long> likedBy(long viewer, Collection<Long> commentIds);
}
