package com.hiwar.article;

import java.time.Instant;

/**
 * What readers see of an article changed: it opened, closed, got a new closing time, title or URL.
 * Observed after the commit (the live stream, kept pages).
 */
public record ArticleStateChanged(String articleId, boolean open, Instant closesAt) {}
