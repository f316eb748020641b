package com.kin.templates;

import com.kin.cache.CacheKey;
import com.kin.cache.CacheKind;
import com.kin.cache.CacheTags;
import com.kin.cache.Cached;
import com.kin.cache.TwoTierCache;
import com.kin.core.domain.MessageTemplate;
import com.kin.core.page.Page;
import com.kin.core.page.PageRequest;
import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The templates function's use of the two-tier cache. Templates are the same for everyone, so every entry is shared:
 * one template by id (tag {@code templates:<id>}) and each list page (tag {@value #LIST_TAG}); a write invalidates the
 * template's tag and the one list tag, since a name change or a new template can move every page.
 */
@Singleton
class TemplateCache {

    static final String RESOURCE = "templates";
    static final String LIST_TAG = RESOURCE + ":list";
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Argument<Page<MessageTemplate>> PAGE = (Argument) Argument.of(Page.class, MessageTemplate.class);

    private final TwoTierCache cache;

    TemplateCache(TwoTierCache cache) {
        this.cache = cache;
    }

    Cached<MessageTemplate> template(UUID id, Supplier<MessageTemplate> loader) {
        return cache.get(CacheKey.shared(CacheKind.TEMPLATE, id.toString(), CacheTags.record(RESOURCE, id)),
                MessageTemplate.class, loader);
    }

    Cached<Page<MessageTemplate>> page(PageRequest page, Supplier<Page<MessageTemplate>> loader) {
        CacheKey key = CacheKey.builder(CacheKind.TEMPLATE_LIST).shared()
                .param("limit", page.limit()).param("cursor", page.cursor())
                .tag(LIST_TAG)
                .build();
        return cache.get(key, PAGE, loader);
    }

    /** After a committed create, update or delete of template {@code id}. */
    void changed(UUID id) {
        cache.invalidate(CacheTags.record(RESOURCE, id), LIST_TAG);
    }
}
