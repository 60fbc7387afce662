/**
 * The one place exceptions become application/problem+json.
 *
 * <p>Owns: no table.
 * <p>May use: nothing else of Hiwar.
 */
package com.hiwar.problem;
