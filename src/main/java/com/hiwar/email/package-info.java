/**
 * Email to readers and moderators: opt-in preferences (the address is kept only while a reader
 * is opted in), an outbox of messages written in the transaction that notified the reader,
 * daily digests, a sending worker on every instance, Arabic-first templates, and one-click
 * unsubscribe links that need no sign-in.
 *
 * <p>Owns: email_subscriptions, email_messages.
 * <p>May use: article, auth, comment, db, notification, problem.
 */
package com.hiwar.email;
