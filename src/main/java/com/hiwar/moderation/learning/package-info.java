/**
 * The learned model's life: versions stored in PostgreSQL (the shipped one seeded on first start),
 * the active one held by every instance and switched through a Redis announcement, training jobs
 * over the labelled files plus moderators' decisions, and the promotion gate that keeps a worse
 * version out.
 *
 * <p>Owns: model_versions, model_jobs.
 * <p>May use: auth, idempotency, moderation, moderation.model, problem, signal.
 */
package com.hiwar.moderation.learning;
