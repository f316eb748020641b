package com.kin.cache;

import com.kin.core.identity.Caller;
import com.kin.core.identity.MessagePlacement;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The cache tags of messages: the one place that says which entries a message write makes stale, for every function that
 * caches or writes messages (the messages API, the messaging webhooks, the bulk SMS worker).
 *
 * <p>What the messages API caches, and with which tags (all entries are computed per caller visibility):
 * <ul>
 *   <li>one message: {@link #message} ({@code messages:<id>}, and the caller's contact lists, because a contact
 *       reassigned away from the caller takes the message's visibility with it);</li>
 *   <li>a page of a contact's thread: {@link #threadPage} ({@code messages:thread:<contactId>}, {@code contacts:<contactId>});</li>
 *   <li>a page of the conversation list: {@link #conversationPage} (the caller's message lists and contact lists: a page
 *       embeds contact summaries).</li>
 * </ul>
 *
 * <p><b>Every write to messages</b> (insert, status change, read state, delete) invalidates {@link #changed} of the message
 * as it is after the write (and as it was, if its user or contact changed), after the transaction committed:
 * <pre>{@code
 * MessagePlacement placement = placements.bySid(sql, messageSid).orElseThrow();   // com.kin.data.messages.MessagePlacements
 * cache.invalidate(MessageTags.changed(List.of(placement)));
 * }</pre>
 * A contact write is covered by the contacts function's own tags ({@link CacheTags#record} and
 * {@link CacheTags#listsShowing} of resource {@value #CONTACTS}), which the entries above also carry.
 */
public final class MessageTags {

    public static final String RESOURCE = "messages";
    /** The contacts function's resource name ({@code ContactCache.RESOURCE}): its tags reach message entries too. */
    public static final String CONTACTS = "contacts";

    private MessageTags() {
    }

    public static String record(UUID messageId) {
        return CacheTags.record(RESOURCE, messageId);
    }

    /** Every page of the thread with {@code contactId}, whoever read it. */
    public static String thread(UUID contactId) {
        return RESOURCE + ":thread:" + contactId;
    }

    /** Tags of one message as read by {@code caller}. */
    public static Set<String> message(Caller caller, UUID messageId) {
        return Set.of(record(messageId), CacheTags.listsOf(CONTACTS, caller));
    }

    /** Tags of a page of the thread with {@code contactId}: its messages, and the contact (visibility, deletion). */
    public static Set<String> threadPage(UUID contactId) {
        return Set.of(thread(contactId), CacheTags.record(CONTACTS, contactId));
    }

    /** Tags of a page of the conversation list as read by {@code caller}. */
    public static Set<String> conversationPage(Caller caller) {
        return Set.of(CacheTags.listsOf(RESOURCE, caller), CacheTags.listsOf(CONTACTS, caller));
    }

    /**
     * What a write to these messages makes stale: each message, the thread of its contact, and the message lists of every
     * visibility that sees it, through its user or through its contact ({@code messages:list:admin} always: an admin sees
     * every message, including one with neither user nor contact).
     */
    public static Set<String> changed(Collection<MessagePlacement> placements) {
        Set<String> tags = new LinkedHashSet<>();
        for (MessagePlacement placement : placements) {
            tags.add(record(placement.messageId()));
            if (placement.userId() != null) {
                tags.addAll(CacheTags.listsShowing(RESOURCE, placement.userId(), placement.userDepartment()));
            }
            if (placement.contactId() != null) {
                tags.add(thread(placement.contactId()));
            }
            if (placement.contactOwnerId() != null) {
                tags.addAll(CacheTags.listsShowing(RESOURCE, placement.contactOwnerId(),
                        placement.contactOwnerDepartment()));
            }
            tags.add(RESOURCE + ":list:admin");
        }
        return tags;
    }

    public static Set<String> changed(MessagePlacement placement) {
        return changed(List.of(placement));
    }
}
