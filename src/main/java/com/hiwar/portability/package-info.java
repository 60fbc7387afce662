/**
 * Moving a site in: imports of WordPress (WXR) and Disqus exports, streamed and hardened against hostile
 * XML, run as jobs with progress, idempotent by each row's source id; every row goes in through
 * the owners' import doors (articles, accounts, comments).
 *
 * <p>Owns: import_jobs.
 * <p>May use: article, audit, auth, comment, db, http, moderation, problem, text.
 */
package com.hiwar.portability;
