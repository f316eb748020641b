package com.kin.core.domain;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/**
 * The message thread with one contact, as the conversation list shows it: the contact, its latest message (either
 * direction) and how many inbound messages are still unread.
 */
@Serdeable
public record Conversation(ContactSummary contact, Message lastMessage, int unreadCount, Instant lastMessageAt) {
}
