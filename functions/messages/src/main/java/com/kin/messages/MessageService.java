package com.kin.messages;

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
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.OptionalLong;
import java.util.UUID;

/** Reads messages, conversations and threads within what the caller may see, and changes a message's read state. */
@Singleton
class MessageService {

    private final Database database;
    private final MessageRepository messages;
    private final ConversationRepository conversations;
    private final Clock clock;

    MessageService(Database database, MessageRepository messages, ConversationRepository conversations, Clock clock) {
        this.database = database;
        this.messages = messages;
        this.conversations = conversations;
        this.clock = clock;
    }

    Page<Conversation> conversations(Caller caller, PageRequest page) {
        Cursor after = page.cursor() == null ? null : Cursor.decode(page.cursor(), ConversationRepository.SORT);
        return Page.of(conversations.list(database, caller, after, page.fetchSize()), page,
                ConversationRepository::cursorOf);
    }

    Page<Message> thread(Caller caller, UUID contactId, PageRequest page) {
        Cursor after = page.cursor() == null ? null : Cursor.decode(page.cursor(), MessageRepository.THREAD_SORT);
        return messages.thread(database, caller, contactId, after, page.fetchSize())
                .map(rows -> Page.of(rows, page, MessageRepository::threadCursorOf))
                .orElseThrow(() -> new NotFoundError("messages - contact " + contactId + " not found"));
    }

    Message get(Caller caller, UUID id) {
        return messages.find(database, caller, id).orElseThrow(() -> NotFoundError.of("messages", id));
    }

    Message setRead(Caller caller, UUID id, boolean read, OptionalLong expectedVersion) {
        return messages.setRead(database, caller, id, read, expectedVersion, clock.instant())
                .orElseThrow(() -> whyNotChanged(caller, id, expectedVersion));
    }

    /** After a conditional write matched nothing: the message is gone or hidden (404), or it moved on (412). */
    private RuntimeException whyNotChanged(Caller caller, UUID id, OptionalLong expectedVersion) {
        Message current = get(caller, id);
        return new PreconditionFailedError("messages - message " + id + " is at version " + current.version()
                + ", not " + expectedVersion.orElse(-1) + "; reload it and retry");
    }
}
