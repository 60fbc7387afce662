package com.hiwar.article;

/** A comment proposed a title and URL (on the publisher's host) that differ from what the article holds. */
record MetadataProposed(String articleId, String url, String title) {}
