package com.kin.contacts;

import com.kin.core.domain.BulkOutcome;
import com.kin.core.domain.BulkResult;
import com.kin.core.identity.Caller;
import com.kin.core.validation.Tags;
import com.kin.data.Database;
import com.kin.data.Sql;
import com.kin.data.contacts.ContactRepository;
import com.kin.data.contacts.ContactRow;
import com.kin.data.users.Assignments;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs a bulk action in one transaction: the named contacts are locked, each id gets an outcome (done, not found,
 * forbidden, conflict), and one statement changes all the ones that may change.
 */
@Singleton
class ContactBulkService {

    private final Database database;
    private final ContactRepository contacts;
    private final Assignments assignments;
    private final ContactCache cache;
    private final Clock clock;

    ContactBulkService(Database database, ContactRepository contacts, Assignments assignments, ContactCache cache,
                       Clock clock) {
        this.database = database;
        this.contacts = contacts;
        this.assignments = assignments;
        this.cache = cache;
        this.clock = clock;
    }

    BulkResult run(Caller caller, BulkCommand command) {
        List<ContactCache.Placement> touched = new ArrayList<>();
        BulkResult result = database.transaction("contacts.bulk", sql -> {
            String newOwnerDepartment = command.action() == BulkCommand.Action.REASSIGN
                    ? assignments.requireAssignable(sql, caller, command.ownerId(), "ownerId").department()
                    : null;
            Map<UUID, ContactRow> found = contacts.lockAll(sql, command.ids()).stream()
                    .collect(Collectors.toMap(row -> row.contact().id(), Function.identity()));
            Map<UUID, BulkResult.Item> outcomes = new LinkedHashMap<>();
            Map<UUID, List<String>> newTags = new LinkedHashMap<>();
            for (UUID id : command.ids()) {
                outcomes.put(id, judge(caller, command, id, found.get(id), newTags));
            }
            List<UUID> done = outcomes.values().stream()
                    .filter(item -> item.status() == BulkOutcome.DONE).map(BulkResult.Item::id).toList();
            apply(sql, command, done, newTags);
            for (UUID id : done) {
                touched.add(ContactCache.Placement.of(found.get(id)));
                if (command.action() == BulkCommand.Action.REASSIGN) {
                    touched.add(new ContactCache.Placement(id, command.ownerId(), newOwnerDepartment));
                }
            }
            return BulkResult.of(command.wireAction(), new ArrayList<>(outcomes.values()));
        });
        cache.changed(touched);
        return result;
    }

    private BulkResult.Item judge(Caller caller, BulkCommand command, UUID id, ContactRow row,
                                  Map<UUID, List<String>> newTags) {
        if (row == null) {
            return new BulkResult.Item(id, BulkOutcome.NOT_FOUND, "no such contact");
        }
        if (!caller.canAccess(row.ownerId(), row.ownerDepartment())) {
            return new BulkResult.Item(id, BulkOutcome.FORBIDDEN, "not yours to change");
        }
        if (command.action() == BulkCommand.Action.ADD_TAGS || command.action() == BulkCommand.Action.REMOVE_TAGS) {
            LinkedHashSet<String> tags = new LinkedHashSet<>(row.contact().tags());
            if (command.action() == BulkCommand.Action.ADD_TAGS) {
                tags.addAll(command.tags());
            } else {
                command.tags().forEach(tags::remove);
            }
            if (tags.size() > Tags.MAX_TAGS) {
                return new BulkResult.Item(id, BulkOutcome.CONFLICT, "would exceed " + Tags.MAX_TAGS + " tags");
            }
            newTags.put(id, List.copyOf(tags));
        }
        return new BulkResult.Item(id, BulkOutcome.DONE, null);
    }

    private void apply(Sql sql, BulkCommand command, List<UUID> ids, Map<UUID, List<String>> newTags) {
        if (ids.isEmpty()) {
            return;
        }
        switch (command.action()) {
            case DELETE -> contacts.deleteAll(sql, ids);
            case REASSIGN -> contacts.reassign(sql, ids, command.ownerId(), clock.instant());
            case ADD_TAGS, REMOVE_TAGS -> contacts.setTags(sql, newTags, clock.instant());
        }
    }
}
