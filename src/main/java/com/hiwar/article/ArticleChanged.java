package com.hiwar.article;

/** Something a new comment's checks read of the article changed (settings, title, URL); fired inside that transaction. */
record ArticleChanged(String articleId) {}
