package com.kin.core.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import io.micronaut.serde.annotation.Serdeable;

/** What a bulk action did to one id. */
@Serdeable
public enum BulkOutcome {
    DONE("done"), NOT_FOUND("not_found"), FORBIDDEN("forbidden"), CONFLICT("conflict");

    private final String wireName;

    BulkOutcome(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }
}
