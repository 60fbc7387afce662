/**
 * The embeddable widget's files (hiwar.js, count.js) and their caching.
 *
 * <p>Owns: no table.
 * <p>May use: http.
 */
package com.hiwar.widget;
