package com.hiwar.moderation.site;

import java.time.Instant;

/** An admin changed the site's moderation mode; fired inside the change's transaction. */
public record SiteModeChanged(String mode, String before, long version, String admin, Instant at) {}
