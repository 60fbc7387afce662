/**
 * HTTP concerns every resource shares: client addresses behind trusted proxies, body limits,
 * conditional GETs, static assets, strict JSON, Vary: Origin, and refusing requests while stopping.
 *
 * <p>Owns: no table.
 * <p>May use: problem.
 */
package com.hiwar.http;
