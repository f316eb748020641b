package com.kin.cache;

import com.kin.core.identity.Caller;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * What a cached value is ({@code kind}), which one ({@code id}) and which writes invalidate it ({@code tags}).
 *
 * <p>The id must contain everything the value depends on, the caller's visibility included: build ids with
 * {@link #builder(CacheKind)}, which makes every key say whether it is scoped to what a caller may see
 * ({@link Builder#scope(Caller)}) or the same for everyone ({@link Builder#shared()}), so two callers who see different
 * data never share an entry. A shared entry (one contact by id) must still be checked against the caller after the read.
 *
 * <p>Tags name what the value was computed from, such as {@code contact:<id>}, {@code contacts}, {@code owner:<userId>};
 * {@link TwoTierCache#invalidate} with any of them makes the entry a miss.
 */
public record CacheKey(CacheKind kind, String id, Set<String> tags) {

    /** A key may name at most this many tags (one DynamoDB read refreshes them with room to spare). */
    public static final int MAX_TAGS = 32;
    /** Tags longer than this are rejected; they are DynamoDB keys. */
    public static final int MAX_TAG_LENGTH = 512;
    private static final int MAX_ID_LENGTH = 8_192;
    private static final String SHARED_SCOPE = "*";

    public CacheKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        if (id.isBlank() || id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("cache key id must be 1 to " + MAX_ID_LENGTH + " characters, got " + id.length());
        }
        tags = Set.copyOf(tags);
        if (tags.size() > MAX_TAGS) {
            throw new IllegalArgumentException("cache key " + kind.code() + " names " + tags.size() + " tags, at most "
                    + MAX_TAGS + " allowed");
        }
        tags.forEach(CacheKey::requireValidTag);
    }

    /** A key for a value that is the same whoever asks, such as one record by id. */
    public static CacheKey shared(CacheKind kind, String id, String... tags) {
        return builder(kind).shared().param("id", id).tags(tags).build();
    }

    public static Builder builder(CacheKind kind) {
        return new Builder(kind);
    }

    static void requireValidTag(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > MAX_TAG_LENGTH) {
            throw new IllegalArgumentException("cache tags must be 1 to " + MAX_TAG_LENGTH + " characters, got '" + tag + "'");
        }
    }

    /** Builds a key id as {@code <scope>|name=value|...}, parameters sorted by name and URL-encoded. */
    public static final class Builder {

        private final CacheKind kind;
        private final Map<String, String> params = new TreeMap<>();
        private final Set<String> tags = new LinkedHashSet<>();
        private String scope;

        private Builder(CacheKind kind) {
            this.kind = Objects.requireNonNull(kind, "kind");
        }

        /** The value depends on what this caller may see: callers share the entry only when they see the same records. */
        public Builder scope(Caller caller) {
            return scope(caller.visibilityKey());
        }

        /** The value depends on a visibility the caller computed itself; prefer {@link #scope(Caller)}. */
        public Builder scope(String visibility) {
            if (visibility == null || visibility.isBlank() || SHARED_SCOPE.equals(visibility)) {
                throw new IllegalArgumentException("a cache scope must name a visibility, got '" + visibility + "'");
            }
            this.scope = visibility;
            return this;
        }

        /** The value is the same for every caller. */
        public Builder shared() {
            this.scope = SHARED_SCOPE;
            return this;
        }

        /** A request parameter the value depends on; {@code null} values are left out, as absent parameters. */
        public Builder param(String name, Object value) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a cache key parameter needs a name");
            }
            if (value != null) {
                params.put(name, value.toString());
            }
            return this;
        }

        public Builder tag(String tag) {
            requireValidTag(tag);
            tags.add(tag);
            return this;
        }

        public Builder tags(String... values) {
            Arrays.stream(values).forEach(this::tag);
            return this;
        }

        public CacheKey build() {
            if (scope == null) {
                throw new IllegalStateException("cache key " + kind.code() + " must say scope(...) or shared()");
            }
            StringJoiner id = new StringJoiner("|").add(encode(scope));
            params.forEach((name, value) -> id.add(encode(name) + "=" + encode(value)));
            return new CacheKey(kind, id.toString(), tags);
        }

        private static String encode(String text) {
            return URLEncoder.encode(text, StandardCharsets.UTF_8);
        }
    }
}
