/**
 * Articles: created on their first comment, their settings (open, closing date, pre-moderation),
 * title and URL confirmed from the publisher's page, and the published-comment counts the counts
 * endpoint serves.
 *
 * <p>Owns: articles, article_counts, article_published_count.
 * <p>May use: db, http, problem, signal, text.
 */
package com.hiwar.article;
