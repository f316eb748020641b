package com.kin.cache;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Turns values into what L2 stores, gzip-compressed JSON written by Micronaut Serde, and back. A stored value may take
 * at most {@link #MAX_STORED_BYTES}, which leaves room under DynamoDB's 400 KB item limit for the key and tag versions.
 */
final class ValueCodec {

    static final int MAX_STORED_BYTES = 350 * 1024;

    private final JsonMapper jsonMapper;

    ValueCodec(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    /** The stored form of {@code value}; a type Serde cannot write is a programming error and throws. */
    <T> byte[] encode(Argument<T> type, T value) {
        try {
            byte[] json = jsonMapper.writeValueAsBytes(type, value);
            ByteArrayOutputStream compressed = new ByteArrayOutputStream(Math.max(64, json.length / 4));
            try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
                gzip.write(json);
            }
            return compressed.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cache - cannot serialize a " + type.getTypeString(false)
                    + "; cached types must be @Serdeable", e);
        }
    }

    /** The value {@code stored} holds, or {@link CorruptEntryException} when the bytes are not a {@code type}. */
    <T> T decode(Argument<T> type, byte[] stored) throws CorruptEntryException {
        byte[] json;
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(stored))) {
            json = gzip.readAllBytes();
        } catch (IOException e) {
            throw new CorruptEntryException("not gzip data", e);
        }
        try {
            return jsonMapper.readValue(json, type);
        } catch (IOException | RuntimeException e) {
            // Whatever stored bytes make the decoder or a record's constructor throw is a fault of the bytes, not of
            // this code: the entry is dropped and reloaded, and the cause is logged with it.
            throw new CorruptEntryException("not a " + type.getTypeString(false), e);
        }
    }

    /** The name stored with a value, so that an entry written for another type is never decoded as this one. */
    static String typeName(Argument<?> type) {
        return type.getTypeString(false);
    }

    /** Thrown when stored bytes cannot be decoded into the requested type. */
    static final class CorruptEntryException extends Exception {
        CorruptEntryException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
