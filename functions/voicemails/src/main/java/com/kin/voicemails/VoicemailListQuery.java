package com.kin.voicemails;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.QueryValue;

/** The query parameters of {@code GET /api/voicemails}, as the client sent them (text; {@link VoicemailListInput} checks them). */
@Introspected
record VoicemailListQuery(
        @Nullable @QueryValue String queue,
        @Nullable @QueryValue String unread,
        @Nullable @QueryValue String priority,
        @Nullable @QueryValue String from,
        @Nullable @QueryValue String to,
        @Nullable @QueryValue String sort,
        @Nullable @QueryValue String limit,
        @Nullable @QueryValue String cursor) {
}
