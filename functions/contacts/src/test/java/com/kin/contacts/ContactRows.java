package com.kin.contacts;

import com.kin.testing.Db;
import com.kin.testing.TestDatabase;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Contacts put into and read back from the test database directly, beside what the handler under test does. */
final class ContactRows {

    /** Every column a test sets; the rest keep their defaults. */
    record Row(UUID id, UUID owner, String firstName, String lastName, String phone, String email, Instant updatedAt,
               String... tags) {
    }

    private final Db db;

    ContactRows(TestDatabase database) {
        this.db = new Db(database.dataSource());
    }

    void insert(Row row) {
        OffsetDateTime updated = OffsetDateTime.ofInstant(row.updatedAt(), ZoneOffset.UTC);
        db.execute("insert into contacts (id, owner_id, first_name, last_name, organization, phone, email, tags, "
                        + "created_at, updated_at) values (?, ?, ?, ?, 'Acme Corp', ?, ?, ?, ?, ?)",
                row.id(), row.owner(), row.firstName(), row.lastName(), row.phone(), row.email(), row.tags(), updated,
                updated);
    }

    void insert(UUID id, UUID owner, String firstName, String... tags) {
        insert(new Row(id, owner, firstName, "", null, null, Instant.parse("2026-01-01T00:00:00Z"), tags));
    }

    long count() {
        return db.count("select count(*) from contacts");
    }

    boolean exists(UUID id) {
        return db.count("select count(*) from contacts where id = ?", id) == 1;
    }

    UUID owner(UUID id) {
        return (UUID) db.row("select owner_id from contacts where id = ?", id).get("owner_id");
    }

    long version(UUID id) {
        return ((Number) db.row("select version from contacts where id = ?", id).get("version")).longValue();
    }

    String firstName(UUID id) {
        return (String) db.row("select first_name from contacts where id = ?", id).get("first_name");
    }

    List<String> tags(UUID id) {
        Array tags = (Array) db.row("select tags from contacts where id = ?", id).get("tags");
        try {
            return Arrays.asList((String[]) tags.getArray());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
