/**
 * Webhooks: endpoints admins register; events written in the transaction of the change that
 * caused them (an outbox), delivered at least once by a worker on every instance, signed as the
 * Standard Webhooks specification says, retried with backoff for a day, and never sent to an
 * address inside the network unless an admin allows it.
 *
 * <p>Owns: webhook_endpoints, webhook_events, webhook_deliveries, webhook_attempts.
 * <p>May use: article, audit, auth, comment, db, idempotency, moderation.learning, moderation.surge, problem, report, signal.
 */
package com.hiwar.webhook;
