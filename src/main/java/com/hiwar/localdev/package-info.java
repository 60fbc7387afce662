/**
 * Local services for dev mode and tests: when the configured PostgreSQL or Redis is on this
 * machine and nothing answers there, an embedded one starts on that port (binaries from Maven
 * artifacts, "provided" scope: never in the packaged application). Inert in the prod profile.
 *
 * <p>Owns: no table.
 * <p>May use: nothing else of Hiwar.
 */
package com.hiwar.localdev;
