package com.kin.twiliomessaging;

import com.kin.cache.CacheTags;
import com.kin.cache.MessageTags;
import com.kin.cache.TwoTierCache;
import com.kin.core.identity.MessagePlacement;
import jakarta.inject.Singleton;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the messaging webhooks' writes make stale in the API functions' caches (messages, contacts, search), invalidated
 * once the write committed: the webhooks cache nothing themselves, but the API functions read the rows they write
 * through the shared cache table, and would otherwise serve the old rows until their TTL.
 */
@Singleton
class MessagingCache {

    private final TwoTierCache cache;

    MessagingCache(TwoTierCache cache) {
        this.cache = cache;
    }

    /** After a committed status change of a message. */
    void messageChanged(MessagePlacement placement) {
        cache.invalidate(MessageTags.changed(placement));
    }

    /** After a committed inbound message, which created its contact or changed its opt-out when {@code contactChanged}. */
    void received(MessagePlacement placement, boolean contactChanged) {
        cache.invalidate(receivedTags(placement, contactChanged));
    }

    /**
     * The message's tags ({@link MessageTags#changed}) and, when the contact was created or its opt-out changed, the
     * contact as the contacts function tags it: its record and the contact lists of every visibility that can see it.
     * One invalidation for both, so the write costs one round of tag writes.
     */
    static Set<String> receivedTags(MessagePlacement placement, boolean contactChanged) {
        Set<String> tags = new LinkedHashSet<>(MessageTags.changed(placement));
        if (contactChanged && placement.contactId() != null) {
            tags.add(CacheTags.record(MessageTags.CONTACTS, placement.contactId()));
            tags.addAll(CacheTags.listsShowing(MessageTags.CONTACTS, placement.contactOwnerId(),
                    placement.contactOwnerDepartment()));
        }
        return tags;
    }
}
