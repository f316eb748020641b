package com.kin.load.traffic.mix;

import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * What one virtual user has learned from its own responses, as the frontend learns it from what it shows: lists give the
 * ids and versions that lookups, read marks and bulk actions then act on; webhooks leave calls and messages whose later
 * callbacks are due.
 */
public final class Known {

    private static final int CAPACITY = 256;

    /** A contact the user can see; {@code phone} null when it has none, {@code optedOut} when it sent STOP. */
    public record ContactRef(String id, String phone, boolean optedOut) {
    }

    /** A record whose version an {@code If-Match} names. */
    public record Versioned(String id, long version) {
    }

    /** A message this user sent, for Twilio's status callback. */
    public record SentSms(String messageSid, String from, String to) {
    }

    /** An inbound call Twilio announced, for its final status callback. */
    public record OpenCall(String callSid, String from, String to) {
    }

    final Pool<ContactRef> contacts = new Pool<>(CAPACITY);
    final Pool<String> threads = new Pool<>(CAPACITY);
    final Pool<Versioned> inboundMessages = new Pool<>(CAPACITY);
    final Pool<Versioned> voicemails = new Pool<>(CAPACITY);
    final Pool<String> calls = new Pool<>(CAPACITY);
    final Pool<String> searchTerms = new Pool<>(CAPACITY);
    final Pool<SentSms> sent = new Pool<>(CAPACITY);
    final Pool<OpenCall> openCalls = new Pool<>(CAPACITY);

    /** A contact that can receive an SMS (a phone, not opted out). */
    Optional<ContactRef> textableContact(RandomGenerator random) {
        for (int attempt = 0; attempt < 4; attempt++) {
            Optional<ContactRef> contact = contacts.pick(random);
            if (contact.isEmpty()) {
                return contact;
            }
            if (contact.get().phone() != null && !contact.get().optedOut()) {
                return contact;
            }
        }
        return Optional.empty();
    }

    /** A phone number of a known contact: inbound calls and SMS then come from someone the platform knows. */
    Optional<String> contactPhone(RandomGenerator random) {
        return contacts.pick(random).map(ContactRef::phone);
    }

    public int contactCount() {
        return contacts.size();
    }
}
