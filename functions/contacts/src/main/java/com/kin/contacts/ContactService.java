package com.kin.contacts;

import com.kin.cache.Cached;
import com.kin.core.domain.Contact;
import com.kin.core.error.NotFoundError;
import com.kin.core.error.PreconditionFailedError;
import com.kin.core.identity.Caller;
import com.kin.core.page.Cursor;
import com.kin.core.page.Page;
import com.kin.core.page.PageRequest;
import com.kin.data.Database;
import com.kin.data.Sql;
import com.kin.data.contacts.ContactField;
import com.kin.data.contacts.ContactFilter;
import com.kin.data.contacts.ContactRepository;
import com.kin.data.contacts.ContactRow;
import com.kin.data.contacts.ContactSort;
import com.kin.data.users.Assignments;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

/** Reads (through the cache) and writes (invalidating it) contacts within what the caller may see. */
@Singleton
class ContactService {

    private final Database database;
    private final ContactRepository contacts;
    private final Assignments assignments;
    private final ContactCache cache;
    private final Clock clock;

    ContactService(Database database, ContactRepository contacts, Assignments assignments, ContactCache cache,
                   Clock clock) {
        this.database = database;
        this.contacts = contacts;
        this.assignments = assignments;
        this.cache = cache;
        this.clock = clock;
    }

    Cached<Page<Contact>> list(Caller caller, ContactFilter filter, ContactSort sort, PageRequest page) {
        Cursor after = page.cursor() == null ? null : Cursor.decode(page.cursor(), sort.wireName());
        return cache.page(caller, filter, sort, page, () ->
                Page.of(contacts.list(database, caller, filter, sort, after, page.fetchSize()), page, sort::cursorOf));
    }

    Cached<Contact> get(Caller caller, UUID id) {
        Cached<ContactRow> row = cache.row(id, () -> contacts.find(database, id)
                .orElseThrow(() -> NotFoundError.of("contacts", id)));
        if (!caller.canAccess(row.value().ownerId(), row.value().ownerDepartment())) {
            throw NotFoundError.of("contacts", id);
        }
        return new Cached<>(row.value().contact(), row.source());
    }

    Contact create(Caller caller, Map<ContactField, Object> values) {
        ContactRow created = database.transaction("contacts.create", sql -> {
            UUID owner = (UUID) values.getOrDefault(ContactField.OWNER_ID, caller.userId());
            assignments.requireAssignable(sql, caller, owner, "ownerId");
            values.put(ContactField.OWNER_ID, owner);
            return contacts.insert(sql, values, clock.instant());
        });
        cache.changed(List.of(ContactCache.Placement.of(created)));
        return created.contact();
    }

    Contact update(Caller caller, UUID id, Map<ContactField, Object> changes, OptionalLong expectedVersion) {
        List<ContactCache.Placement> touched = new ArrayList<>();
        ContactRow updated = database.transaction("contacts.update", sql -> {
            if (changes.containsKey(ContactField.OWNER_ID)) {
                assignments.requireAssignable(sql, caller, (UUID) changes.get(ContactField.OWNER_ID), "ownerId");
                contacts.find(sql, id).map(ContactCache.Placement::of).ifPresent(touched::add);
            }
            return contacts.update(sql, caller, id, changes, expectedVersion, clock.instant())
                    .orElseThrow(() -> whyNotChanged(sql, caller, id, expectedVersion));
        });
        touched.add(ContactCache.Placement.of(updated));
        cache.changed(touched);
        return updated.contact();
    }

    void delete(Caller caller, UUID id, OptionalLong expectedVersion) {
        ContactRow deleted = contacts.delete(database, caller, id, expectedVersion)
                .orElseThrow(() -> whyNotChanged(database, caller, id, expectedVersion));
        cache.changed(List.of(ContactCache.Placement.of(deleted)));
    }

    /** After a conditional write matched nothing: the contact is gone or hidden (404), or it moved on (412). */
    private RuntimeException whyNotChanged(Sql sql, Caller caller, UUID id, OptionalLong expectedVersion) {
        ContactRow current = contacts.find(sql, id)
                .filter(row -> caller.canAccess(row.ownerId(), row.ownerDepartment()))
                .orElseThrow(() -> NotFoundError.of("contacts", id));
        return new PreconditionFailedError("contacts - contact " + id + " is at version " + current.contact().version()
                + ", not " + expectedVersion.orElse(-1) + "; reload it and retry");
    }
}
