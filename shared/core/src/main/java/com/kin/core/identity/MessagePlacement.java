package com.kin.core.identity;

import io.micronaut.core.annotation.Nullable;
import java.util.Objects;
import java.util.UUID;

/**
 * Where a message sits for visibility: a caller sees it through its user ({@link Caller#canAccess} with the user and the
 * user's department) or through its contact's thread ({@link Caller#canAccess} with the contact's owner and that owner's
 * department); {@code com.kin.data.Visibility#message} is the SQL form. Writers of messages read it with the write and
 * hand it to {@code com.kin.cache.MessageTags#changed}, which names every cache entry that could hold the message.
 *
 * @param userId                 the user who sent or took the message, null for an inbound message nobody took
 * @param contactId              the contact whose thread it is in, null for an unknown number
 * @param contactOwnerId         the contact's owner, null exactly when {@code contactId} is
 */
public record MessagePlacement(UUID messageId, @Nullable UUID userId, @Nullable String userDepartment,
                               @Nullable UUID contactId, @Nullable UUID contactOwnerId,
                               @Nullable String contactOwnerDepartment) {

    public MessagePlacement {
        Objects.requireNonNull(messageId, "messageId");
    }
}
