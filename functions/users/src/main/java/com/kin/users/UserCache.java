package com.kin.users;

import com.kin.cache.CacheKey;
import com.kin.cache.CacheKind;
import com.kin.cache.CacheTags;
import com.kin.cache.Cached;
import com.kin.cache.TwoTierCache;
import com.kin.core.domain.User;
import com.kin.core.domain.UserPreferences;
import com.kin.core.identity.Caller;
import com.kin.core.page.Page;
import com.kin.core.page.PageRequest;
import com.kin.data.users.UserFilter;
import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The users function's use of the two-tier cache: which key a read has, and which tags a write invalidates.
 *
 * <p>Every entry about one user (its session, its preferences, its record as an admin reads it) carries the record tag
 * {@code users:<id>}; a page of the user list carries the list tag of the caller's visibility
 * ({@code users:list:<visibility>}). The session and the preferences are keyed by the user id alone ({@code shared()}):
 * they are only ever read by that user, for itself. An admin's read of one user is shared too and checked against the
 * caller after the read.
 */
@Singleton
class UserCache {

    static final String RESOURCE = "users";
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Argument<Page<User>> PAGE = (Argument) Argument.of(Page.class, User.class);

    private final TwoTierCache cache;

    UserCache(TwoTierCache cache) {
        this.cache = cache;
    }

    /** The caller's own user record (30 min); the loader may return null (no such user), which is not cached. */
    Cached<User> session(UUID userId, Supplier<User> loader) {
        return cache.get(CacheKey.shared(CacheKind.SESSION, userId.toString(), CacheTags.record(RESOURCE, userId)),
                User.class, loader);
    }

    /** The caller's own preferences (10 min in L1). */
    Cached<UserPreferences> preferences(UUID userId, Supplier<UserPreferences> loader) {
        return cache.get(CacheKey.shared(CacheKind.PREFERENCES, userId.toString(), CacheTags.record(RESOURCE, userId)),
                UserPreferences.class, loader);
    }

    /** One user as an administrator reads it, whoever asks; the caller's access is checked after the read. */
    Cached<User> user(UUID id, Supplier<User> loader) {
        return cache.get(CacheKey.shared(CacheKind.USER, id.toString(), CacheTags.record(RESOURCE, id)), User.class,
                loader);
    }

    Cached<Page<User>> page(Caller caller, UserFilter filter, PageRequest page, Supplier<Page<User>> loader) {
        CacheKey key = CacheKey.builder(CacheKind.USER_LIST).scope(caller)
                .param("role", filter.role() == null ? null : filter.role().wireName())
                .param("department", filter.department()).param("active", filter.active())
                .param("limit", page.limit()).param("cursor", page.cursor())
                .tag(CacheTags.listsOf(RESOURCE, caller))
                .build();
        return cache.get(key, PAGE, loader);
    }

    /**
     * After a committed write to user {@code id}: its record, and the lists of every visibility that can see it in each
     * of {@code departments} (before and after a department change; null for no department).
     */
    void changed(UUID id, String... departments) {
        Set<String> tags = new LinkedHashSet<>();
        tags.add(CacheTags.record(RESOURCE, id));
        for (String department : departments) {
            tags.addAll(CacheTags.listsShowing(RESOURCE, id, department));
        }
        cache.invalidate(tags);
    }

    /**
     * After a committed move of user {@code id} between departments: the lists of every resource the user owns records
     * of, in both departments, which other functions cache under the same tags.
     */
    void moved(UUID id, String from, String to) {
        cache.invalidate(CacheTags.listsChangedByMove(id, from, to));
    }
}
