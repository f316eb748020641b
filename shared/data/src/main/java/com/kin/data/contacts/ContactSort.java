package com.kin.data.contacts;

import com.kin.core.domain.Contact;
import com.kin.core.error.BadRequestError;
import com.kin.core.page.Cursor;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The orders a contact list can take, each with its ORDER BY, its keyset predicate (the rows after a cursor) and the
 * cursor of a row. Both orders are served by an index ending in {@code id}, so every page is an index range scan.
 */
public enum ContactSort {

    /** Most recently changed first (the default). Index: (updated_at, id), or (owner_id, updated_at, id) for an owner. */
    UPDATED("updated", "c.updated_at desc, c.id desc", "(c.updated_at, c.id) < (?, ?)"),
    /** Alphabetical by first then last name. Index: (first_name, last_name, id). */
    NAME("name", "c.first_name, c.last_name, c.id", "(c.first_name, c.last_name, c.id) > (?, ?, ?)");

    private static final String NAME_SEPARATOR = "\u001f";

    private final String wireName;
    private final String orderBy;
    private final String after;

    ContactSort(String wireName, String orderBy, String after) {
        this.wireName = wireName;
        this.orderBy = orderBy;
        this.after = after;
    }

    /** The sort a {@code sort} query parameter names; 400 for anything else. */
    public static ContactSort parse(String value) {
        if (value == null || value.isBlank()) {
            return UPDATED;
        }
        for (ContactSort sort : values()) {
            if (sort.wireName.equals(value)) {
                return sort;
            }
        }
        throw BadRequestError.field("sort", "unknown sort '" + value + "': use 'updated' or 'name'");
    }

    public String wireName() {
        return wireName;
    }

    String orderBy() {
        return orderBy;
    }

    String afterPredicate() {
        return after;
    }

    /** The values of {@link #afterPredicate()}'s placeholders for a cursor of this sort. */
    List<Object> afterParams(Cursor cursor) {
        if (this == UPDATED) {
            try {
                return List.of(Instant.parse(cursor.value()), cursor.id());
            } catch (DateTimeParseException e) {
                throw BadRequestError.field("cursor", "not a cursor returned by this API");
            }
        }
        String[] names = cursor.value().split(NAME_SEPARATOR, -1);
        if (names.length != 2) {
            throw BadRequestError.field("cursor", "not a cursor returned by this API");
        }
        return List.of(names[0], names[1], cursor.id());
    }

    public Cursor cursorOf(Contact contact) {
        String value = this == UPDATED
                ? contact.updatedAt().toString()
                : contact.firstName() + NAME_SEPARATOR + contact.lastName();
        return new Cursor(wireName, value, contact.id());
    }
}
