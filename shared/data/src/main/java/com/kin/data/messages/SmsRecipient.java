package com.kin.data.messages;

import io.micronaut.core.annotation.Nullable;
import java.util.UUID;

/**
 * Who an outbound SMS goes to, as the send path checks it.
 *
 * @param contactId        the contact the message is filed under, null when the number belongs to no contact the sender
 *                         may see
 * @param ownerId          the contact's owner (for the visibility check), null without a contact
 * @param ownerDepartment  the owner's department
 * @param phoneNumber      the number to text in E.164: the contact's mobile phone, else its phone; null when it has none
 * @param optedOut         whether any contact with this number has opted out of SMS (STOP)
 */
public record SmsRecipient(@Nullable UUID contactId, @Nullable UUID ownerId, @Nullable String ownerDepartment,
                           @Nullable String phoneNumber, boolean optedOut) {
}
