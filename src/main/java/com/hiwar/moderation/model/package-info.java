/**
 * The learned offensive-language model as plain Java: hashed features of a comment as
 * {@link com.hiwar.text.MatchNormalizer} sees it, a linear scorer that explains itself with spans
 * of the original text, the trainer (liblinear), the labelled-data reader with its fixed
 * train/test split, and the figures used to compare versions and choose thresholds. No framework,
 * no database: the service, the training script, the evaluation and the benchmark run this code.
 *
 * <p>Owns: no table.
 * <p>May use: text.
 */
package com.hiwar.moderation.model;
