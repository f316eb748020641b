package com.kin.bench.floor;

import java.util.Map;
import java.util.Optional;

/**
 * The read each API function's cold-start sample ({@code events/<function>/get.json}) makes, copied from its repository
 * in shared/data, so that the floor does the same database work as the function. A function not listed here has no
 * floor yet, and the cold start bench says so rather than comparing it with anything else.
 */
public final class FloorQueries {

    /** The function's short name (contacts for ContactsFunction) to the SQL of its by-id read; one UUID parameter. */
    private static final Map<String, String> BY_ID = Map.of(
            // ContactRepository.find
            "contacts", "select c.id, c.owner_id, c.first_name, c.last_name, c.organization, c.phone, c.mobile_phone, "
                    + "c.email, c.tags, c.sms_opt_out, c.sms_opt_out_at, c.notes, c.created_at, c.updated_at, c.version, "
                    + "u.department from contacts c join users u on u.id = c.owner_id where c.id = ?",
            // TemplateRepository.find
            "templates", "select t.id, t.name, t.body, t.variables, t.created_by, t.created_at, t.updated_at, t.version "
                    + "from message_templates t where t.id = ?");

    private FloorQueries() {
    }

    public static Optional<String> byId(String function) {
        return Optional.ofNullable(BY_ID.get(function));
    }

    public static java.util.Set<String> functions() {
        return new java.util.TreeSet<>(BY_ID.keySet());
    }
}
