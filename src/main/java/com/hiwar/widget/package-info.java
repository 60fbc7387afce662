/**
 * The embeddable widget: its modules joined into embed.js with the service's limits and reason lists, count.js, and their caching.
 *
 * <p>Owns: no table.
 * <p>May use: comment, http, report.
 */
package com.hiwar.widget;
