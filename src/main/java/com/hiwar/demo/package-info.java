/**
 * The dev-profile demo: a sample Arabic article page with the widget, and sign-in as a demo reader
 * or moderator.
 *
 * <p>Owns: no table.
 * <p>May use: http, problem, ratelimit.
 */
package com.hiwar.demo;
