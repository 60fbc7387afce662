package com.hiwar.comment;

/**
 * A retried creation replayed its stored answer. The first attempt may have committed while its
 * instance saw the commit fail (the database failed over at that moment), and then nothing that
 * waits for a commit ran: no live event, no eviction of kept pages. Those observers act again on
 * this, carrying the comment as it stands now; work done inside the first transaction (webhooks'
 * outbox, notifications) committed with the comment and is not repeated.
 */
public record CommentReannounced(CommentChanged change) {}
