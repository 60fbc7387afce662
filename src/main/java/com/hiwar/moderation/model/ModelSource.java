package com.hiwar.moderation.model;

/** Where the pipeline gets the active model from; the learning package provides it. */
public interface ModelSource {

    /** The active model, or null while none is loaded. */
    ActiveModel active();
}
