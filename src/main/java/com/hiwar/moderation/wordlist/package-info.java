/**
 * The banned and suspect word lists: stored versioned, edited by admins, compiled into one matcher
 * that every instance rebuilds when Redis announces a change.
 *
 * <p>Owns: word_lists, word_list_terms.
 * <p>May use: auth, moderation.rules, problem, signal, text.
 */
package com.hiwar.moderation.wordlist;
