package com.kin.voicemails;

import com.kin.cache.Cached;
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
import com.kin.data.voicemails.VoicemailUpdate;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Reads (through the cache) and triages (invalidating it) voicemails within what the caller may see
 * (Caller.canAccessWorkItem).
 */
@Singleton
class VoicemailService {

    private final Database database;
    private final VoicemailRepository voicemails;
    private final Assignments assignments;
    private final VoicemailCache cache;
    private final Clock clock;

    VoicemailService(Database database, VoicemailRepository voicemails, Assignments assignments, VoicemailCache cache,
                     Clock clock) {
        this.database = database;
        this.voicemails = voicemails;
        this.assignments = assignments;
        this.cache = cache;
        this.clock = clock;
    }

    Cached<Page<Voicemail>> list(Caller caller, VoicemailFilter filter, VoicemailSort sort, PageRequest page) {
        Cursor after = page.cursor() == null ? null : Cursor.decode(page.cursor(), sort.wireName());
        return cache.page(caller, filter, sort, page, () ->
                Page.of(voicemails.list(database, caller, filter, sort, after, page.fetchSize()), page, sort::cursorOf));
    }

    /** The voicemail from the shared entry, checked against the caller after the read: someone else's reads as 404. */
    Cached<Voicemail> get(Caller caller, UUID id) {
        Cached<VoicemailRow> row = cache.row(id, () -> voicemails.find(database, id)
                .orElseThrow(() -> NotFoundError.of("voicemails", id)));
        if (!row.value().visibleTo(caller)) {
            throw NotFoundError.of("voicemails", id);
        }
        return new Cached<>(row.value().voicemail(), row.source());
    }

    /** Applies the changes if the voicemail is visible and at {@code expectedVersion} (when given); 404, 412, 400, 403. */
    Voicemail update(Caller caller, UUID id, VoicemailChanges changes, OptionalLong expectedVersion) {
        VoicemailUpdate updated = database.transaction("voicemails.update", sql -> {
            if (changes.assignedToId() != null) {
                assignments.requireAssignable(sql, caller, changes.assignedToId(), "assignedToId");
            }
            return voicemails.update(sql, caller, id, changes, expectedVersion, clock.instant())
                    .orElseThrow(() -> whyNotChanged(sql, caller, id, expectedVersion));
        });
        cache.changed(VoicemailCache.Placement.beforeAndAfter(updated));
        return updated.row().voicemail();
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
