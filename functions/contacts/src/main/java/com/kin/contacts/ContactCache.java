package com.kin.contacts;

import com.kin.cache.CacheKey;
import com.kin.cache.CacheKind;
import com.kin.cache.CacheTags;
import com.kin.cache.Cached;
import com.kin.cache.TwoTierCache;
import com.kin.core.domain.Contact;
import com.kin.core.identity.Caller;
import com.kin.core.page.Page;
import com.kin.core.page.PageRequest;
import com.kin.data.contacts.ContactFilter;
import com.kin.data.contacts.ContactRow;
import com.kin.data.contacts.ContactSort;
import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The contacts function's use of the two-tier cache: which key a read has, and which tags a write invalidates.
 * A single contact is cached for everyone (access is checked after the read); a list page per visibility.
 */
@Singleton
class ContactCache {

    static final String RESOURCE = "contacts";
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Argument<Page<Contact>> PAGE = (Argument) Argument.of(Page.class, Contact.class);

    private final TwoTierCache cache;

    ContactCache(TwoTierCache cache) {
        this.cache = cache;
    }

    /** Where a contact sits for visibility: its owner and the owner's department. */
    record Placement(UUID id, UUID ownerId, String ownerDepartment) {
        static Placement of(ContactRow row) {
            return new Placement(row.contact().id(), row.ownerId(), row.ownerDepartment());
        }
    }

    Cached<ContactRow> row(UUID id, Supplier<ContactRow> loader) {
        return cache.get(CacheKey.shared(CacheKind.CONTACT, id.toString(), CacheTags.record(RESOURCE, id)),
                ContactRow.class, loader);
    }

    Cached<Page<Contact>> page(Caller caller, ContactFilter filter, ContactSort sort, PageRequest page,
                               Supplier<Page<Contact>> loader) {
        CacheKey key = CacheKey.builder(CacheKind.CONTACT_LIST).scope(caller)
                .param("q", filter.text()).param("tag", filter.tag()).param("owner", filter.ownerId())
                .param("sort", sort.wireName()).param("limit", page.limit()).param("cursor", page.cursor())
                .tag(CacheTags.listsOf(RESOURCE, caller))
                .build();
        return cache.get(key, PAGE, loader);
    }

    /** After a committed write: the contacts as they were and as they are now (both, when an owner changed). */
    void changed(Collection<Placement> placements) {
        Set<String> tags = new LinkedHashSet<>();
        for (Placement placement : placements) {
            tags.add(CacheTags.record(RESOURCE, placement.id()));
            tags.addAll(CacheTags.listsShowing(RESOURCE, placement.ownerId(), placement.ownerDepartment()));
        }
        if (!tags.isEmpty()) {
            cache.invalidate(tags);
        }
    }
}
