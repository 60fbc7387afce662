package com.hiwar.comment;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Locale;

public enum CommentStatus {
    PUBLISHED, PENDING, REJECTED, DELETED;

    /**
     * What everyone may see: published and not hidden by reports. The database's
     * {@code comment_is_public(status, hidden)} says the same for SQL; a test holds them equal.
     */
    public static boolean isPublic(CommentStatus status, boolean hidden) {
        return status == PUBLISHED && !hidden;
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Converter(autoApply = true)
    public static class DbConverter implements AttributeConverter<CommentStatus, String> {
        @Override
        public String convertToDatabaseColumn(CommentStatus status) {
            return status == null ? null : status.wire();
        }

        @Override
        public CommentStatus convertToEntityAttribute(String value) {
            return value == null ? null : CommentStatus.valueOf(value.toUpperCase(Locale.ROOT));
        }
    }
}
