package com.kin.load.data;

import com.kin.load.copy.CsvLine;
import com.kin.load.copy.TableRows;
import java.time.Instant;
import java.util.UUID;

/**
 * Calls with the contacts, mildly skewed towards some contacts (regulars call more). Every tenth call is a missed
 * inbound call: those are the calls {@link VoicemailRows} leaves voicemails on.
 */
public final class CallRows implements TableRows {

    static final int VOICEMAIL_EVERY = 10;
    private static final double CONTACT_SKEW = 1.5;
    private static final String[] OTHER_STATUSES = {
        "completed", "completed", "completed", "completed", "completed", "completed", "completed",
        "no-answer", "busy", "canceled", "failed"};

    /** What a voicemail needs to know about the call it was left on. */
    public record Call(UUID id, ContactRows.Contact contact, String direction, String status, String from, String to,
                       Instant createdAt, Instant answeredAt, Instant endedAt, int durationSeconds) {
    }

    private final Dataset dataset;
    private final ContactRows contacts;

    CallRows(Dataset dataset, ContactRows contacts) {
        this.dataset = dataset;
        this.contacts = contacts;
    }

    @Override
    public String table() {
        return "calls";
    }

    @Override
    public String columns() {
        return "id, direction, status, from_number, to_number, user_id, contact_id, twilio_call_sid, status_sequence, "
                + "started_at, answered_at, ended_at, duration_seconds, department, created_at, updated_at";
    }

    @Override
    public long count() {
        return dataset.scale().calls();
    }

    public Call call(long index) {
        RowRandom random = RowRandom.of(dataset.seed(), TableIds.CALLS, index);
        UUID id = random.uuid();
        ContactRows.Contact contact = contacts.contact(random.skewed(contacts.count(), CONTACT_SKEW));
        boolean missedForVoicemail = index % VOICEMAIL_EVERY == 0;
        String direction = missedForVoicemail || random.chance(0.55) ? "inbound" : "outbound";
        String status = missedForVoicemail ? "no-answer" : random.pick(OTHER_STATUSES);
        String ours = dataset.departmentNumber(contact.owner().department());
        String from = direction.equals("inbound") ? contact.phone() : ours;
        String to = direction.equals("inbound") ? ours : contact.phone();
        Instant created = random.withinYearBefore(dataset.end());
        boolean answered = status.equals("completed");
        Instant answeredAt = answered ? created.plusSeconds(3 + random.nextInt(25)) : null;
        int duration = answered ? (int) (20 + Math.pow(random.nextDouble(), 2) * 1800) : 0;
        Instant ended = answered ? answeredAt.plusSeconds(duration) : created.plusSeconds(30);
        return new Call(id, contact, direction, status, from, to, created, answeredAt, ended, duration);
    }

    @Override
    public void append(long index, CsvLine line) {
        Call c = call(index);
        SeedUser owner = c.contact().owner();
        line.uuid(c.id()).text(c.direction()).text(c.status()).text(c.from()).text(c.to()).uuid(owner.id())
                .uuid(c.contact().id()).text(RowRandom.sid("CA", c.id())).number(4).time(c.createdAt())
                .time(c.answeredAt()).time(c.endedAt()).number(c.durationSeconds()).text(owner.department())
                .time(c.createdAt()).time(c.endedAt());
        line.end();
    }
}
