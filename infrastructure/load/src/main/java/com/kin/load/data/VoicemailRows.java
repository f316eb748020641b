package com.kin.load.data;

import com.kin.load.copy.CsvLine;
import com.kin.load.copy.TableRows;
import java.util.UUID;

/**
 * Voicemails, each left on one of the missed inbound calls (every tenth call), so call, contact, number, department
 * and time agree. Most are assigned to the contact's owner; a fifth wait in the department's unassigned queue.
 */
public final class VoicemailRows implements TableRows {

    private static final String[] PRIORITIES = {
        "normal", "normal", "normal", "normal", "normal", "normal", "low", "low", "high", "urgent"};

    private final Dataset dataset;
    private final CallRows calls;

    VoicemailRows(Dataset dataset, CallRows calls) {
        this.dataset = dataset;
        this.calls = calls;
    }

    @Override
    public String table() {
        return "voicemails";
    }

    @Override
    public String columns() {
        return "id, call_id, contact_id, assigned_to_id, department, priority, from_number, read_at, recording_sid, "
                + "recording_url, transcription, transcription_sid, duration_seconds, created_at, updated_at";
    }

    @Override
    public long count() {
        return dataset.scale().voicemails();
    }

    @Override
    public void append(long index, CsvLine line) {
        RowRandom random = RowRandom.of(dataset.seed(), TableIds.VOICEMAILS, index);
        UUID id = random.uuid();
        CallRows.Call call = calls.call(index * CallRows.VOICEMAIL_EVERY);
        SeedUser owner = call.contact().owner();
        UUID assignee = random.chance(0.8) ? owner.id() : null;
        var readAt = random.chance(0.7) ? call.endedAt().plusSeconds(300 + random.nextInt(172_800)) : null;
        String recordingSid = RowRandom.sid("RE", id);
        String transcription = "Hi, this is " + call.contact().firstName() + ", please call me back about "
                + random.pick(Words.TRANSCRIPTION_TOPICS) + ".";
        line.uuid(id).uuid(call.id()).uuid(call.contact().id()).uuid(assignee).text(owner.department())
                .text(random.pick(PRIORITIES)).text(call.from()).time(readAt).text(recordingSid)
                .text("https://api.twilio.com/2010-04-01/Accounts/AC00000000000000000000000000000000/Recordings/"
                        + recordingSid).text(transcription).text(RowRandom.sid("TR", id))
                .number(5 + random.nextInt(90)).time(call.endedAt()).time(readAt == null ? call.endedAt() : readAt);
        line.end();
    }
}
