package com.kin.contacts;

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
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

/** Reads and writes contacts within what the caller may see. */
@Singleton
class ContactService {

    private final Database database;
    private final ContactRepository contacts;
    private final Assignments assignments;
    private final Clock clock;

    ContactService(Database database, ContactRepository contacts, Assignments assignments, Clock clock) {
        this.database = database;
        this.contacts = contacts;
        this.assignments = assignments;
        this.clock = clock;
    }

    Page<Contact> list(Caller caller, ContactFilter filter, ContactSort sort, PageRequest page) {
        Cursor after = page.cursor() == null ? null : Cursor.decode(page.cursor(), sort.wireName());
        return Page.of(contacts.list(database, caller, filter, sort, after, page.fetchSize()), page, sort::cursorOf);
    }

    Contact get(Caller caller, UUID id) {
        return visible(database, caller, id);
    }

    private Contact visible(Sql sql, Caller caller, UUID id) {
        return contacts.find(sql, id)
                .filter(row -> caller.canAccess(row.ownerId(), row.ownerDepartment()))
                .map(ContactRow::contact)
                .orElseThrow(() -> NotFoundError.of("contacts", id));
    }

    Contact create(Caller caller, Map<ContactField, Object> values) {
        return database.transaction("contacts.create", sql -> {
            UUID owner = (UUID) values.getOrDefault(ContactField.OWNER_ID, caller.userId());
            assignments.requireAssignable(sql, caller, owner, "ownerId");
            values.put(ContactField.OWNER_ID, owner);
            return contacts.insert(sql, values, clock.instant());
        });
    }

    Contact update(Caller caller, UUID id, Map<ContactField, Object> changes, OptionalLong expectedVersion) {
        return database.transaction("contacts.update", sql -> {
            if (changes.containsKey(ContactField.OWNER_ID)) {
                assignments.requireAssignable(sql, caller, (UUID) changes.get(ContactField.OWNER_ID), "ownerId");
            }
            return contacts.update(sql, caller, id, changes, expectedVersion, clock.instant())
                    .orElseThrow(() -> whyNotChanged(sql, caller, id, expectedVersion));
        });
    }

    void delete(Caller caller, UUID id, OptionalLong expectedVersion) {
        if (!contacts.delete(database, caller, id, expectedVersion)) {
            throw whyNotChanged(database, caller, id, expectedVersion);
        }
    }

    /** After a conditional write matched nothing: the contact is gone or hidden (404), or it moved on (412). */
    private RuntimeException whyNotChanged(Sql sql, Caller caller, UUID id, OptionalLong expectedVersion) {
        Contact current = visible(sql, caller, id);
        return new PreconditionFailedError("contacts - contact " + id + " is at version " + current.version()
                + ", not " + expectedVersion.orElse(-1) + "; reload it and retry");
    }
}
