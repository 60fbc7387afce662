/**
 * Automatic moderation: screens every new or edited comment with the rule pipeline (it implements
 * {@link com.hiwar.comment.Screening}) and records each decision with its reasons and the model's
 * score; turns moderators' decisions into training rows and agreement figures. Subpackages:
 * {@code rules} (pure rules), {@code model} (the learned model, pure), {@code wordlist} (the lists),
 * {@code learning} (model versions and training jobs), {@code queue} (moderators' queues and
 * decisions), {@code people} (readers and articles as moderators see them).
 *
 * <p>Owns: moderation_decisions.
 * <p>May use: audit, auth, comment, db, moderation.campaign, moderation.model, moderation.rules, moderation.site, moderation.surge, moderation.wordlist, text.
 */
package com.hiwar.moderation;
