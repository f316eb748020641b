package com.kin.cache;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One item of the cache table, which holds three shapes under one key attribute {@code pk}: entries
 * ({@code e#...}: value, type, tag versions, expiry), tag versions ({@code t#...}: version, expiry) and the epoch
 * ({@code g#epoch}: version).
 *
 * <p>Items travel as Enhanced Client documents and are mapped here by hand, tolerantly: an attribute of the wrong
 * DynamoDB type marks the item {@code malformed} (dropped and reloaded like any corrupt entry) instead of failing the
 * read of every other item in the same batch, as a bean schema would.
 *
 * @param value     the stored value (gzip JSON), entries only
 * @param tags      tag name to the version recorded before the value was read, entries only
 * @param version   the version of a tag or of the epoch
 * @param expiresAt epoch seconds after which the item is dead, whether or not DynamoDB has deleted it yet
 */
record CacheItem(String pk, byte[] value, String type, Map<String, String> tags, String version, Long expiresAt,
                 boolean malformed) {

    static final String PK = "pk";
    static final String EXPIRES_AT = "expires_at";
    private static final String VALUE = "val";
    private static final String TYPE = "type";
    private static final String TAGS = "tags";
    private static final String VERSION = "ver";

    static final TableSchema<EnhancedDocument> SCHEMA = TableSchema.documentSchemaBuilder()
            .addIndexPartitionKey(TableMetadata.primaryIndexName(), PK, AttributeValueType.S)
            .attributeConverterProviders(AttributeConverterProvider.defaultProvider())
            .build();

    static CacheItem entry(String pk, byte[] value, String type, Map<String, String> tags, long expiresAtSeconds) {
        return new CacheItem(pk, value, type, tags, null, expiresAtSeconds, false);
    }

    static CacheItem version(String pk, String version, Long expiresAtSeconds) {
        return new CacheItem(pk, null, null, null, version, expiresAtSeconds, false);
    }

    EnhancedDocument toDocument() {
        Map<String, AttributeValue> attributes = new HashMap<>();
        attributes.put(PK, AttributeValue.fromS(pk));
        if (value != null) {
            attributes.put(VALUE, AttributeValue.fromB(SdkBytes.fromByteArrayUnsafe(value)));
            attributes.put(TYPE, AttributeValue.fromS(type));
            Map<String, AttributeValue> versions = new HashMap<>();
            tags.forEach((tag, tagVersion) -> versions.put(tag, AttributeValue.fromS(tagVersion)));
            attributes.put(TAGS, AttributeValue.fromM(versions));
        }
        if (version != null) {
            attributes.put(VERSION, AttributeValue.fromS(version));
        }
        if (expiresAt != null) {
            attributes.put(EXPIRES_AT, AttributeValue.fromN(Long.toString(expiresAt)));
        }
        return EnhancedDocument.fromAttributeValueMap(attributes);
    }

    static CacheItem from(EnhancedDocument document) {
        Map<String, AttributeValue> attributes = document.toMap();
        Reader reader = new Reader(attributes);
        return new CacheItem(attributes.get(PK).s(), reader.bytes(VALUE), reader.string(TYPE), reader.stringMap(TAGS),
                reader.string(VERSION), reader.number(EXPIRES_AT), reader.malformed);
    }

    /** Reads attributes, noting any of the wrong type instead of throwing. */
    private static final class Reader {

        private final Map<String, AttributeValue> attributes;
        private boolean malformed;

        Reader(Map<String, AttributeValue> attributes) {
            this.attributes = attributes;
        }

        byte[] bytes(String name) {
            AttributeValue value = attributes.get(name);
            if (value == null) {
                return null;
            }
            malformed |= value.b() == null;
            return value.b() == null ? null : value.b().asByteArrayUnsafe();
        }

        String string(String name) {
            AttributeValue value = attributes.get(name);
            if (value == null) {
                return null;
            }
            malformed |= value.s() == null;
            return value.s();
        }

        Long number(String name) {
            AttributeValue value = attributes.get(name);
            if (value == null) {
                return null;
            }
            try {
                return Long.parseLong(value.n());
            } catch (NumberFormatException e) {
                malformed = true;
                return null;
            }
        }

        Map<String, String> stringMap(String name) {
            AttributeValue value = attributes.get(name);
            if (value == null) {
                return null;
            }
            if (!value.hasM() || value.m().values().stream().anyMatch(v -> v.s() == null)) {
                malformed = true;
                return null;
            }
            Map<String, String> strings = new HashMap<>();
            value.m().forEach((key, v) -> strings.put(key, v.s()));
            return strings;
        }
    }
}
