package com.hiwar.report;

/** A reader reported a comment; fired inside the report's transaction. Never names the reporter. */
public record CommentReported(long commentId, String articleId, Long authorId, String reason, int weight) {}
