package com.hiwar.comment;

import com.hiwar.auth.Actor;

/**
 * How fast an article takes comments right now (the surge autopilot's step); implemented where
 * the autopilot lives, so that comments do not depend on it.
 */
public interface Pacing {

    /** Throws the problem that refuses a new comment now (paused, or too soon under slow mode); moderators always pass. */
    void admit(Actor actor, String articleId);

    /** What readers are told: null on a normal day. */
    CommentPage.Pace pace(String articleId);
}
