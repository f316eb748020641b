package com.kin.messages;

import com.kin.core.domain.BulkOutcome;
import com.kin.core.domain.BulkResult;
import com.kin.core.identity.Caller;
import com.kin.core.identity.MessagePlacement;
import com.kin.data.Database;
import com.kin.data.Sql;
import com.kin.data.messages.MessageLock;
import com.kin.data.messages.MessageRepository;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs a bulk action in one transaction: the named messages are locked, each id gets an outcome (done, not found,
 * forbidden), and one statement changes all the ones the caller may change. None ends in conflict: bulk takes no
 * If-Match, the rows are locked before they are judged, and each action succeeds on any locked row it may change (marking
 * a read message read keeps its read time). The conversation list follows in the same
 * transaction (triggers on messages, migration V10). The cache entries of the changed messages are invalidated after the
 * commit.
 */
@Singleton
class MessageBulkService {

    private final Database database;
    private final MessageRepository messages;
    private final MessageCache cache;
    private final Clock clock;

    MessageBulkService(Database database, MessageRepository messages, MessageCache cache, Clock clock) {
        this.database = database;
        this.messages = messages;
        this.cache = cache;
        this.clock = clock;
    }

    BulkResult run(Caller caller, MessageBulkCommand command) {
        List<MessagePlacement> touched = new ArrayList<>();
        BulkResult result = database.transaction("messages.bulk", sql -> {
            Map<UUID, MessageLock> found = messages.lockAll(sql, caller, command.ids()).stream()
                    .collect(Collectors.toMap(MessageLock::id, Function.identity()));
            List<BulkResult.Item> outcomes = command.ids().stream().map(id -> judge(id, found.get(id))).toList();
            List<UUID> done = outcomes.stream()
                    .filter(item -> item.status() == BulkOutcome.DONE).map(BulkResult.Item::id).toList();
            apply(sql, command.action(), done);
            done.forEach(id -> touched.add(found.get(id).placement()));
            return BulkResult.of(command.action().wireName(), outcomes);
        });
        cache.changed(touched);
        return result;
    }

    private static BulkResult.Item judge(UUID id, MessageLock lock) {
        if (lock == null) {
            return new BulkResult.Item(id, BulkOutcome.NOT_FOUND, "no such message");
        }
        if (!lock.visible()) {
            return new BulkResult.Item(id, BulkOutcome.FORBIDDEN, "not yours to change");
        }
        return new BulkResult.Item(id, BulkOutcome.DONE, null);
    }

    private void apply(Sql sql, MessageBulkCommand.Action action, List<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        switch (action) {
            case MARK_READ -> messages.setReadAll(sql, ids, true, clock.instant());
            case MARK_UNREAD -> messages.setReadAll(sql, ids, false, clock.instant());
            case DELETE -> messages.deleteAll(sql, ids);
        }
    }
}
