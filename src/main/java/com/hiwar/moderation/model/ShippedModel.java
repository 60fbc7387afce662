package com.hiwar.moderation.model;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The model that ships in the jar, trained by bench/train-model.sh from the shared labelled sets. */
public final class ShippedModel {

    public static final String RESOURCE = "/moderation/offensive-model.bin";

    private ShippedModel() {}

    public static byte[] bytes() {
        try (InputStream in = ShippedModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the build: run bench/train-model.sh");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static OffensiveModel load() {
        return OffensiveModel.fromBytes(bytes());
    }
}
