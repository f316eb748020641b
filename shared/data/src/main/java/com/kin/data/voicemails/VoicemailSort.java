package com.kin.data.voicemails;

import com.kin.core.domain.Voicemail;
import com.kin.core.error.BadRequestError;
import com.kin.core.page.Cursor;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The orders a voicemail list can take, each with its ORDER BY, its keyset predicate and the cursor of a row. Each is
 * served by indexes ending in (created_at, id): (assigned_to_id | department |) created_at, id for the newest first, and
 * (assigned_to_id | department |) priority_rank, created_at, id for urgent first (V11).
 */
public enum VoicemailSort {

    /** Newest first (the default). */
    NEWEST("newest", "v.created_at desc, v.id desc", "(v.created_at, v.id) < (?, ?)"),
    /** Urgent first, then high, normal, low; newest first within a priority. */
    PRIORITY("priority", "v.priority_rank desc, v.created_at desc, v.id desc",
            "(v.priority_rank, v.created_at, v.id) < (?, ?, ?)");

    private static final char SEPARATOR = '|';

    private final String wireName;
    private final String orderBy;
    private final String after;

    VoicemailSort(String wireName, String orderBy, String after) {
        this.wireName = wireName;
        this.orderBy = orderBy;
        this.after = after;
    }

    /** The sort a {@code sort} query parameter names; 400 for anything else. */
    public static VoicemailSort parse(String value) {
        if (value == null || value.isBlank()) {
            return NEWEST;
        }
        for (VoicemailSort sort : values()) {
            if (sort.wireName.equals(value)) {
                return sort;
            }
        }
        throw BadRequestError.field("sort", "unknown sort '" + value + "': use 'newest' or 'priority'");
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
        try {
            if (this == NEWEST) {
                return List.of(Instant.parse(cursor.value()), cursor.id());
            }
            int split = cursor.value().indexOf(SEPARATOR);
            return List.of(Short.valueOf(cursor.value().substring(0, split)),
                    Instant.parse(cursor.value().substring(split + 1)), cursor.id());
        } catch (DateTimeParseException | IndexOutOfBoundsException | NumberFormatException e) {
            throw BadRequestError.field("cursor", "not a cursor returned by this API");
        }
    }

    public Cursor cursorOf(Voicemail voicemail) {
        String value = this == NEWEST
                ? voicemail.createdAt().toString()
                : voicemail.priority().rank() + String.valueOf(SEPARATOR) + voicemail.createdAt();
        return new Cursor(wireName, value, voicemail.id());
    }
}
