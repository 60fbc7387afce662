/**
 * Who is asking: the verified token as an {@link com.hiwar.auth.Actor}, the users Hiwar has seen
 * (bans, trust, staff groups), their display names as pages show them, and the checks every
 * token and staff endpoint passes.
 *
 * <p>Owns: users.
 * <p>May use: db, problem, signal, text.
 */
package com.hiwar.auth;
