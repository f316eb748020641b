package com.kin.calls;

import com.kin.cache.CacheKey;
import com.kin.cache.CacheKind;
import com.kin.cache.CallTags;
import com.kin.cache.Cached;
import com.kin.cache.TwoTierCache;
import com.kin.core.domain.Call;
import com.kin.core.identity.CallPlacement;
import com.kin.core.identity.Caller;
import com.kin.core.page.Page;
import com.kin.core.page.PageRequest;
import com.kin.data.calls.CallFilter;
import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The calls function's use of the two-tier cache. A call's detail is cached once for everyone (visibility is checked after
 * the read), a history page per caller visibility; {@link CallTags} names the tags, so that the voice webhooks and the
 * voicemail writers invalidate the same entries.
 */
@Singleton
class CallCache {

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Argument<Page<Call>> PAGE = (Argument) Argument.of(Page.class, Call.class);

    private final TwoTierCache cache;

    CallCache(TwoTierCache cache) {
        this.cache = cache;
    }

    Cached<CachedCallDetail> detail(UUID id, Supplier<CachedCallDetail> loader) {
        CacheKey.Builder key = CacheKey.builder(CacheKind.CALL).shared().param("id", id);
        CallTags.detail(id).forEach(key::tag);
        return cache.get(key.build(), CachedCallDetail.class, loader);
    }

    Cached<Page<Call>> page(Caller caller, CallFilter filter, PageRequest page, Supplier<Page<Call>> loader) {
        CacheKey.Builder key = CacheKey.builder(CacheKind.CALL_LIST).scope(caller)
                .param("direction", filter.direction() == null ? null : filter.direction().wireName())
                .param("status", filter.status() == null ? null : filter.status().wireName())
                .param("userId", filter.userId()).param("contactId", filter.contactId()).param("phone", filter.phone())
                .param("from", filter.from()).param("to", filter.to())
                .param("limit", page.limit()).param("cursor", page.cursor());
        CallTags.listPage(caller, filter.contactId()).forEach(key::tag);
        return cache.get(key.build(), PAGE, loader);
    }

    /** After a committed write of a call. */
    void changed(CallPlacement placement) {
        cache.invalidate(CallTags.changed(placement));
    }
}
