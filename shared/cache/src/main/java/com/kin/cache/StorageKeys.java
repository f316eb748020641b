package com.kin.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** The DynamoDB partition keys of entries, tag versions and the invalidation epoch, which share one table. */
final class StorageKeys {

    /** The item whose value changes after every invalidation that reached DynamoDB (see README, "epoch"). */
    static final String EPOCH = "g#epoch";
    private static final String ENTRY_PREFIX = "e#";
    private static final String TAG_PREFIX = "t#";
    private static final int MAX_PLAIN_KEY_BYTES = 1_024;

    private StorageKeys() {
    }

    /** {@code e#<kind>#<id>}; ids too long for a comfortable key (DynamoDB allows 2 KB) are replaced by their SHA-256. */
    static String entry(CacheKey key) {
        String plain = ENTRY_PREFIX + key.kind().code() + "#" + key.id();
        // A UTF-8 character takes at most 3 bytes: short keys need no encoding to know they fit (the L1 hit path).
        if (plain.length() * 3 <= MAX_PLAIN_KEY_BYTES
                || plain.getBytes(StandardCharsets.UTF_8).length <= MAX_PLAIN_KEY_BYTES) {
            return plain;
        }
        return ENTRY_PREFIX + key.kind().code() + "#sha256:" + sha256(key.id());
    }

    static String tag(String tag) {
        return TAG_PREFIX + tag;
    }

    static String tagOf(String storageKey) {
        return storageKey.substring(TAG_PREFIX.length());
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }
}
