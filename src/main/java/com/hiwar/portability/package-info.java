/**
 * Moving a site in and out: imports of WordPress (WXR) and Disqus exports, streamed and hardened
 * against hostile XML, run as jobs with progress, idempotent by each row's source id; exports as
 * Hiwar's NDJSON (restorable whole) and as WordPress' WXR. Every row goes in and out through its
 * owner's doors (articles, accounts, comments, likes, reports, decisions).
 *
 * <p>Owns: import_jobs.
 * <p>May use: article, audit, auth, comment, db, http, moderation, problem, reaction, report, text.
 */
package com.hiwar.portability;
