/**
 * How the service starts fast: the class-data archive's training run (deploy/run.sh).
 *
 * <p>Owns: no table.
 * <p>May use: nothing else of Hiwar.
 */
package com.hiwar.startup;
