package com.hiwar.reaction;

/** A comment's like count changed; observed after the commit (live stream). */
public record LikesChanged(String articleId, long commentId, int likes, boolean commentPublic) {}
