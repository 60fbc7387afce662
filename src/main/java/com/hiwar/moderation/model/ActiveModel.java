package com.hiwar.moderation.model;

/** The model the pipeline uses now, with the version number moderators see in its reasons. */
public record ActiveModel(long version, OffensiveModel model) {}
