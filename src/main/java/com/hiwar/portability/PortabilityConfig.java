package com.hiwar.portability;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

@ConfigMapping(prefix = "hiwar.imports")
public interface PortabilityConfig {

    /** Comments written per transaction: each batch commits with the job's progress. */
    @WithDefault("1000")
    int batchSize();

    /** Where uploads wait while they are imported (the system's temporary directory when unset). */
    Optional<Path> directory();

    /** What a registered WordPress user's account is called here: this, then their WordPress user id; the plugin's tokens name them the same. */
    @WithDefault("wp:")
    String subjectPrefix();

    /**
     * The secret guests' emails are hashed with when an import merges guests (mergeGuests=true):
     * keep it the same for every import, and secret. Unset: guests are not merged.
     */
    Optional<String> guestSalt();
}
