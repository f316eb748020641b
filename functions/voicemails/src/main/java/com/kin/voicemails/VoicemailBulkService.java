package com.kin.voicemails;

import com.kin.core.domain.BulkOutcome;
import com.kin.core.domain.BulkResult;
import com.kin.core.identity.Caller;
import com.kin.data.Database;
import com.kin.data.Sql;
import com.kin.data.users.Assignments;
import com.kin.data.users.UserRef;
import com.kin.data.voicemails.VoicemailRepository;
import com.kin.data.voicemails.VoicemailRow;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs a bulk action in one transaction: the named voicemails are locked, each id gets an outcome (done, not found,
 * forbidden), and one statement changes all the ones that may change. Every action is idempotent on a locked row, so
 * none ends in conflict: marking a read voicemail read, or assigning it to its assignee, is done without a new version.
 * After the commit the cache forgets the voicemails that really changed, where they were and where they are now.
 */
@Singleton
class VoicemailBulkService {

    private final Database database;
    private final VoicemailRepository voicemails;
    private final Assignments assignments;
    private final VoicemailCache cache;
    private final Clock clock;

    VoicemailBulkService(Database database, VoicemailRepository voicemails, Assignments assignments, VoicemailCache cache,
                         Clock clock) {
        this.database = database;
        this.voicemails = voicemails;
        this.assignments = assignments;
        this.cache = cache;
        this.clock = clock;
    }

    BulkResult run(Caller caller, BulkCommand command) {
        List<VoicemailCache.Placement> touched = new ArrayList<>();
        BulkResult result = database.transaction("voicemails.bulk", sql -> {
            UserRef assignee = command.action() == BulkCommand.Action.ASSIGN
                    ? assignments.requireAssignable(sql, caller, command.assignedToId(), "assignedToId")
                    : null;
            Map<UUID, VoicemailRow> found = voicemails.lockAll(sql, command.ids()).stream()
                    .collect(Collectors.toMap(row -> row.voicemail().id(), Function.identity()));
            List<BulkResult.Item> outcomes = command.ids().stream().map(id -> judge(caller, id, found.get(id))).toList();
            List<VoicemailRow> done = outcomes.stream()
                    .filter(item -> item.status() == BulkOutcome.DONE).map(item -> found.get(item.id())).toList();
            apply(sql, command, done.stream().map(row -> row.voicemail().id()).toList());
            done.stream().filter(row -> changes(command, row)).forEach(row -> touched.addAll(placements(row, assignee)));
            return BulkResult.of(command.action().wireName(), outcomes);
        });
        cache.changed(touched);
        return result;
    }

    private static BulkResult.Item judge(Caller caller, UUID id, VoicemailRow row) {
        if (row == null) {
            return new BulkResult.Item(id, BulkOutcome.NOT_FOUND, "no such voicemail");
        }
        if (!row.visibleTo(caller)) {
            return new BulkResult.Item(id, BulkOutcome.FORBIDDEN, "not yours to change");
        }
        return new BulkResult.Item(id, BulkOutcome.DONE, null);
    }

    /** Whether the action's statement changes this (locked) row; the repository leaves rows already so untouched. */
    private static boolean changes(BulkCommand command, VoicemailRow row) {
        return switch (command.action()) {
            case MARK_READ -> !row.voicemail().read();
            case MARK_UNREAD -> row.voicemail().read();
            case ASSIGN -> !Objects.equals(row.voicemail().assignedToId(), command.assignedToId());
            case DELETE -> true;
        };
    }

    /** Where a changed voicemail was, and for an assignment also where it is now (same queue, new assignee). */
    private static List<VoicemailCache.Placement> placements(VoicemailRow before, UserRef assignee) {
        VoicemailCache.Placement was = VoicemailCache.Placement.of(before);
        return assignee == null ? List.of(was)
                : List.of(was, new VoicemailCache.Placement(was.id(), assignee.id(), assignee.department(), was.department(),
                        was.callId()));
    }

    private void apply(Sql sql, BulkCommand command, List<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        switch (command.action()) {
            case MARK_READ -> voicemails.setRead(sql, ids, true, clock.instant());
            case MARK_UNREAD -> voicemails.setRead(sql, ids, false, clock.instant());
            case ASSIGN -> voicemails.assign(sql, ids, command.assignedToId(), clock.instant());
            case DELETE -> voicemails.deleteAll(sql, ids);
        }
    }
}
