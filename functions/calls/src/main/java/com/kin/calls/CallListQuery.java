package com.kin.calls;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;

/** The query parameters of {@code GET /api/calls}, as the client sent them (text; {@link CallListInput} checks them). */
@Introspected
record CallListQuery(
        @Nullable @QueryValue String direction,
        @Nullable @QueryValue String status,
        @Nullable @QueryValue String userId,
        @Nullable @QueryValue String contactId,
        @Nullable @QueryValue String phone,
        @Nullable @QueryValue String from,
        @Nullable @QueryValue String to,
        @Nullable @QueryValue String sort,
        @Nullable @QueryValue String limit,
        @Nullable @QueryValue String cursor) {
}
