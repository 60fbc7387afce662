/**
 * The moderation rules as plain Java: each rule is an independent unit that reads a submission and
 * may hold or reject it with reasons. No framework, no database: the service, the offline
 * evaluation and the benchmark run the same code.
 *
 * <p>Owns: no table.
 * <p>May use: moderation.model, text.
 */
package com.hiwar.moderation.rules;
