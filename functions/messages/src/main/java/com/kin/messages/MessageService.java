package com.kin.messages;

import com.kin.cache.Cached;
import com.kin.core.domain.Conversation;
import com.kin.core.domain.Message;
import com.kin.core.error.NotFoundError;
import com.kin.core.error.PreconditionFailedError;
import com.kin.core.identity.Caller;
import com.kin.core.page.Cursor;
import com.kin.core.page.Page;
import com.kin.core.page.PageRequest;
import com.kin.data.Database;
import com.kin.data.messages.ConversationRepository;
import com.kin.data.messages.MessageRepository;
import com.kin.data.messages.MessageRow;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Reads messages, conversations and threads within what the caller may see (through the cache), and changes a message's
 * read state (invalidating it).
 */
@Singleton
class MessageService {

    private final Database database;
    private final MessageRepository messages;
    private final ConversationRepository conversations;
    private final MessageCache cache;
    private final Clock clock;

    MessageService(Database database, MessageRepository messages, ConversationRepository conversations,
                   MessageCache cache, Clock clock) {
        this.database = database;
        this.messages = messages;
        this.conversations = conversations;
        this.cache = cache;
        this.clock = clock;
    }

    Cached<Page<Conversation>> conversations(Caller caller, PageRequest page) {
        Cursor after = page.cursor() == null ? null : Cursor.decode(page.cursor(), ConversationRepository.SORT);
        return cache.conversations(caller, page, () -> Page.of(conversations.list(database, caller, after,
                page.fetchSize()), page, ConversationRepository::cursorOf));
    }

    Cached<Page<Message>> thread(Caller caller, UUID contactId, PageRequest page) {
        Cursor after = page.cursor() == null ? null : Cursor.decode(page.cursor(), MessageRepository.THREAD_SORT);
        return cache.thread(caller, contactId, page, () -> messages.thread(database, caller, contactId, after,
                        page.fetchSize())
                .map(rows -> Page.of(rows, page, MessageRepository::threadCursorOf))
                .orElseThrow(() -> new NotFoundError("messages - contact " + contactId + " not found")));
    }

    Cached<Message> get(Caller caller, UUID id) {
        return cache.message(caller, id, () -> find(caller, id));
    }

    Message setRead(Caller caller, UUID id, boolean read, OptionalLong expectedVersion) {
        MessageRow updated = messages.setRead(database, caller, id, read, expectedVersion, clock.instant())
                .orElseThrow(() -> whyNotChanged(caller, id, expectedVersion));
        cache.changed(List.of(updated.placement()));
        return updated.message();
    }

    private Message find(Caller caller, UUID id) {
        return messages.find(database, caller, id).orElseThrow(() -> NotFoundError.of("messages", id));
    }

    /** After a conditional write matched nothing: the message is gone or hidden (404), or it moved on (412). */
    private RuntimeException whyNotChanged(Caller caller, UUID id, OptionalLong expectedVersion) {
        Message current = find(caller, id);
        return new PreconditionFailedError("messages - message " + id + " is at version " + current.version()
                + ", not " + expectedVersion.orElse(-1) + "; reload it and retry");
    }
}
