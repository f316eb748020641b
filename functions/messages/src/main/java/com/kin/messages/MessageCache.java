package com.kin.messages;

import com.kin.cache.CacheKey;
import com.kin.cache.CacheKind;
import com.kin.cache.Cached;
import com.kin.cache.MessageTags;
import com.kin.cache.TwoTierCache;
import com.kin.core.domain.Conversation;
import com.kin.core.domain.Message;
import com.kin.core.identity.Caller;
import com.kin.core.identity.MessagePlacement;
import com.kin.core.page.Page;
import com.kin.core.page.PageRequest;
import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The messages function's use of the two-tier cache. Every read is cached per caller visibility (the repositories filter
 * visibility in SQL, so an entry holds only what its visibility may see); {@link MessageTags} names the tags, so that
 * the webhooks and the bulk worker, which write messages too, invalidate the same entries.
 */
@Singleton
class MessageCache {

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Argument<Page<Conversation>> CONVERSATIONS = (Argument) Argument.of(Page.class, Conversation.class);
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Argument<Page<Message>> MESSAGES = (Argument) Argument.of(Page.class, Message.class);

    private final TwoTierCache cache;

    MessageCache(TwoTierCache cache) {
        this.cache = cache;
    }

    Cached<Message> message(Caller caller, UUID id, Supplier<Message> loader) {
        CacheKey.Builder key = CacheKey.builder(CacheKind.MESSAGE).scope(caller).param("id", id);
        return cache.get(tagged(key, MessageTags.message(caller, id)), Message.class, loader);
    }

    Cached<Page<Conversation>> conversations(Caller caller, PageRequest page, Supplier<Page<Conversation>> loader) {
        CacheKey.Builder key = CacheKey.builder(CacheKind.MESSAGE_LIST).scope(caller).param("list", "conversations")
                .param("limit", page.limit()).param("cursor", page.cursor());
        return cache.get(tagged(key, MessageTags.conversationPage(caller)), CONVERSATIONS, loader);
    }

    Cached<Page<Message>> thread(Caller caller, UUID contactId, PageRequest page, Supplier<Page<Message>> loader) {
        CacheKey.Builder key = CacheKey.builder(CacheKind.MESSAGE_LIST).scope(caller).param("list", "thread")
                .param("contact", contactId).param("limit", page.limit()).param("cursor", page.cursor());
        return cache.get(tagged(key, MessageTags.threadPage(contactId)), MESSAGES, loader);
    }

    /** After a committed write: the messages as they are now (and as they were, where their user or contact changed). */
    void changed(Collection<MessagePlacement> placements) {
        if (!placements.isEmpty()) {
            cache.invalidate(MessageTags.changed(placements));
        }
    }

    private static CacheKey tagged(CacheKey.Builder key, Set<String> tags) {
        tags.forEach(key::tag);
        return key.build();
    }
}
