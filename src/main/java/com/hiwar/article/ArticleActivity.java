package com.hiwar.article;

/** Something visible changed on an article, on any instance (delivered through Redis by the live hub). */
public record ArticleActivity(String articleId) {}
