package com.kin.twiliovoice;

import com.kin.core.error.BadRequestError;
import io.micronaut.core.annotation.Nullable;

/**
 * Which ring of an inbound call a {@code <Dial action>} reports on, carried in the action URL's {@code stage} query
 * parameter: the contact's owner first, then the department's agents, then voicemail.
 */
enum DialStage {
    OWNER("owner"), DEPARTMENT("department");

    private final String wireName;

    DialStage(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }

    /** The stage a query parameter names; absent means the last ring (TaskRouter's queue, or the department). */
    static DialStage parse(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return DEPARTMENT;
        }
        for (DialStage stage : values()) {
            if (stage.wireName.equals(value)) {
                return stage;
            }
        }
        throw BadRequestError.field("stage", "must be owner or department, got '" + value + "'");
    }
}
