package com.hiwar.comment;

import java.util.Set;

/**
 * Comments of these articles came in by an import: caches drop the articles on every instance.
 * Nothing else reacts: an imported comment is old news, so no live event, notification or webhook.
 */
public record CommentsImported(Set<String> articleIds) {}
