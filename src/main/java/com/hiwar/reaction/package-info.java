/**
 * Likes: idempotent per reader and comment, counted on the comment through its owner.
 *
 * <p>Owns: comment_likes.
 * <p>May use: auth, comment, db, idempotency, problem.
 */
package com.hiwar.reaction;
