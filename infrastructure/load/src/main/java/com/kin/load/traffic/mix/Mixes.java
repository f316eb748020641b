package com.kin.load.traffic.mix;

import java.util.ArrayList;
import java.util.List;

/**
 * The mix each role runs, in weights out of about 100 draws. Reads are about 80% (what agents look at all day: contact
 * list and lookups, search, call history, the voicemail queue, conversations and threads), changes about 9% (read marks,
 * an SMS, a bulk action now and then) and Twilio's webhooks about 10% (inbound SMS and calls, their status callbacks).
 * Managers and admins also list users and act on the voicemail queue in bulk more often.
 */
public final class Mixes {

    private Mixes() {
    }

    public static ActionMix forRole(String role) {
        List<ActionMix.Entry> entries = new ArrayList<>(common());
        if (role.equals("manager") || role.equals("admin")) {
            entries.add(entry(ReadActions.USERS, 2, null));
            entries.add(entry(WriteActions.VOICEMAILS_BULK, 1, ReadActions.VOICEMAILS));
        }
        return new ActionMix(entries);
    }

    private static List<ActionMix.Entry> common() {
        return List.of(
                entry(ReadActions.ME, 3, null),
                entry(ReadActions.CONTACTS, 10, null),
                entry(ReadActions.CONTACT, 12, ReadActions.CONTACTS),
                entry(ReadActions.SEARCH, 8, ReadActions.CONTACTS),
                entry(ReadActions.CALLS, 8, null),
                entry(ReadActions.CALL, 4, ReadActions.CALLS),
                entry(ReadActions.VOICEMAILS, 8, null),
                entry(ReadActions.VOICEMAIL, 4, ReadActions.VOICEMAILS),
                entry(ReadActions.CONVERSATIONS, 10, null),
                entry(ReadActions.THREAD, 10, ReadActions.CONVERSATIONS),
                entry(WriteActions.VOICEMAIL_READ, 2, ReadActions.VOICEMAILS),
                entry(WriteActions.MESSAGE_READ, 3, ReadActions.CONVERSATIONS),
                entry(WriteActions.SEND, 2, ReadActions.CONTACTS),
                entry(WriteActions.MESSAGES_BULK, 1, ReadActions.CONVERSATIONS),
                entry(WriteActions.VOICEMAILS_BULK, 1, ReadActions.VOICEMAILS),
                entry(WebhookActions.INBOUND_SMS, 4, null),
                entry(WebhookActions.SMS_DELIVERED, 2, WebhookActions.INBOUND_SMS),
                entry(WebhookActions.INBOUND_CALL, 2, null),
                entry(WebhookActions.CALL_COMPLETED, 2, WebhookActions.INBOUND_CALL));
    }

    private static ActionMix.Entry entry(Action action, int weight, Action fallback) {
        return new ActionMix.Entry(action, weight, fallback);
    }
}
