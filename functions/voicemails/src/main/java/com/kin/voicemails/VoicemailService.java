package com.kin.voicemails;

import com.kin.core.domain.Voicemail;
import com.kin.core.error.NotFoundError;
import com.kin.core.error.PreconditionFailedError;
import com.kin.core.identity.Caller;
import com.kin.core.page.Cursor;
import com.kin.core.page.Page;
import com.kin.core.page.PageRequest;
import com.kin.data.Database;
import com.kin.data.Sql;
import com.kin.data.users.Assignments;
import com.kin.data.voicemails.VoicemailChanges;
import com.kin.data.voicemails.VoicemailFilter;
import com.kin.data.voicemails.VoicemailRepository;
import com.kin.data.voicemails.VoicemailRow;
import com.kin.data.voicemails.VoicemailSort;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.OptionalLong;
import java.util.UUID;

/** Reads and triages voicemails within what the caller may see (Caller.canAccessWorkItem). */
@Singleton
class VoicemailService {

    private final Database database;
    private final VoicemailRepository voicemails;
    private final Assignments assignments;
    private final Clock clock;

    VoicemailService(Database database, VoicemailRepository voicemails, Assignments assignments, Clock clock) {
        this.database = database;
        this.voicemails = voicemails;
        this.assignments = assignments;
        this.clock = clock;
    }

    Page<Voicemail> list(Caller caller, VoicemailFilter filter, VoicemailSort sort, PageRequest page) {
        Cursor after = page.cursor() == null ? null : Cursor.decode(page.cursor(), sort.wireName());
        return Page.of(voicemails.list(database, caller, filter, sort, after, page.fetchSize()), page, sort::cursorOf);
    }

    Voicemail get(Caller caller, UUID id) {
        return visible(database, caller, id);
    }

    /** Applies the changes if the voicemail is visible and at {@code expectedVersion} (when given); 404, 412, 400, 403. */
    Voicemail update(Caller caller, UUID id, VoicemailChanges changes, OptionalLong expectedVersion) {
        return database.transaction("voicemails.update", sql -> {
            if (changes.assignedToId() != null) {
                assignments.requireAssignable(sql, caller, changes.assignedToId(), "assignedToId");
            }
            return voicemails.update(sql, caller, id, changes, expectedVersion, clock.instant())
                    .orElseThrow(() -> whyNotChanged(sql, caller, id, expectedVersion));
        });
    }

    private Voicemail visible(Sql sql, Caller caller, UUID id) {
        return voicemails.find(sql, id)
                .filter(row -> row.visibleTo(caller))
                .map(VoicemailRow::voicemail)
                .orElseThrow(() -> NotFoundError.of("voicemails", id));
    }

    /** After a conditional write matched nothing: the voicemail is gone or hidden (404), or it moved on (412). */
    private RuntimeException whyNotChanged(Sql sql, Caller caller, UUID id, OptionalLong expectedVersion) {
        Voicemail current = visible(sql, caller, id);
        return new PreconditionFailedError("voicemails - voicemail " + id + " is at version " + current.version()
                + ", not " + expectedVersion.orElse(-1) + "; reload it and retry");
    }
}
