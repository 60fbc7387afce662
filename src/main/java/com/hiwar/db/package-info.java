/**
 * Shared database idioms: keyset cursors, the page-size check and fetch-one-more slice, rows read
 * by column name, optional SQL filters.
 *
 * <p>Owns: no table.
 * <p>May use: problem.
 */
package com.hiwar.db;
