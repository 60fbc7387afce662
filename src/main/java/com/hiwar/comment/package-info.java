/**
 * Comments: the reader API (pages, threads, writes, the edit window), and {@link
 * com.hiwar.comment.CommentStore}, the one door other packages use to read comments or change
 * their state. Screening and likes come in through ports ({@link com.hiwar.comment.Screening},
 * {@link com.hiwar.comment.LikesOf}) that moderation and reaction implement; every change is
 * announced as a {@link com.hiwar.comment.CommentChanged} event.
 *
 * <p>Owns: comments, moderation_counts (kept by a trigger); the SQL functions comment_is_public and moderation_queue.
 * <p>May use: article, audit, auth, db, http, idempotency, problem, text.
 */
package com.hiwar.comment;
