package com.kin.load.data;

import com.kin.load.copy.CsvLine;
import com.kin.load.copy.TableRows;
import java.time.Instant;
import java.util.UUID;

/**
 * SMS in both directions, strongly skewed over contacts: a few contacts have long threads, many have none, as in a
 * real inbox. About one inbound message in ten is unread.
 */
public final class MessageRows implements TableRows {

    private static final double CONTACT_SKEW = 2.5;
    private static final String[] OUTBOUND_STATUSES = {
        "delivered", "delivered", "delivered", "delivered", "delivered", "delivered", "delivered", "delivered",
        "delivered", "delivered", "delivered", "delivered", "delivered", "delivered", "delivered", "delivered",
        "sent", "undelivered", "failed", "delivered"};

    private final Dataset dataset;
    private final ContactRows contacts;

    MessageRows(Dataset dataset, ContactRows contacts) {
        this.dataset = dataset;
        this.contacts = contacts;
    }

    @Override
    public String table() {
        return "messages";
    }

    @Override
    public String columns() {
        return "id, direction, status, body, from_number, to_number, user_id, contact_id, contact_owner_id, "
                + "twilio_message_sid, "
                + "error_code, sent_at, delivered_at, read_at, created_at, updated_at";
    }

    @Override
    public long count() {
        return dataset.scale().messages();
    }

    @Override
    public void append(long index, CsvLine line) {
        RowRandom random = RowRandom.of(dataset.seed(), TableIds.MESSAGES, index);
        UUID id = random.uuid();
        ContactRows.Contact contact = contacts.contact(random.skewed(contacts.count(), CONTACT_SKEW));
        boolean inbound = random.chance(0.45);
        String ours = dataset.departmentNumber(contact.owner().department());
        Instant created = random.withinYearBefore(dataset.end());
        line.uuid(id).text(inbound ? "inbound" : "outbound");
        if (inbound) {
            Instant readAt = random.chance(0.9) ? created.plusSeconds(60 + random.nextInt(86_400)) : null;
            line.text("received").text(random.pick(Words.INBOUND_BODIES)).text(contact.phone()).text(ours);
            line.uuid(contact.owner().id()).uuid(contact.id()).uuid(contact.owner().id()).text(RowRandom.sid("SM", id))
                    .number((Integer) null)
                    .time(null).time(null).time(readAt).time(created).time(readAt == null ? created : readAt);
        } else {
            String status = random.pick(OUTBOUND_STATUSES);
            Integer errorCode = status.equals("undelivered") ? Integer.valueOf(30003)
                    : status.equals("failed") ? Integer.valueOf(30005) : null;
            Instant sent = created.plusSeconds(1);
            Instant delivered = status.equals("delivered") ? sent.plusSeconds(2 + random.nextInt(30)) : null;
            String body = String.format(random.pick(Words.OUTBOUND_BODIES), contact.firstName());
            line.text(status).text(body).text(ours).text(contact.phone());
            line.uuid(contact.owner().id()).uuid(contact.id()).uuid(contact.owner().id()).text(RowRandom.sid("SM", id))
                    .number(errorCode)
                    .time(status.equals("failed") ? null : sent).time(delivered).time(null).time(created)
                    .time(delivered == null ? sent : delivered);
        }
        line.end();
    }
}
