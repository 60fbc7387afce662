package com.hiwar.article;

import java.time.Instant;

/** An article opened, closed, or got a new closing time; observed after the commit (live stream). */
public record ArticleStateChanged(String articleId, boolean open, Instant closesAt) {}
