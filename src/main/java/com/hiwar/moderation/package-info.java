/**
 * Automatic moderation: screens every new or edited comment with the rule pipeline (it implements
 * {@link com.hiwar.comment.Screening}) and records each decision with its reasons. Subpackages:
 * {@code rules} (pure rules), {@code wordlist} (the lists), {@code queue} (moderators' queues and
 * decisions), {@code people} (readers and articles as moderators see them).
 *
 * <p>Owns: moderation_decisions.
 * <p>May use: audit, auth, comment, db, moderation.rules, moderation.wordlist, text.
 */
package com.hiwar.moderation;
