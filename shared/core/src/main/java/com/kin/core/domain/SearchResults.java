package com.kin.core.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * What {@code GET /api/search?q=} found, grouped by kind, each group best match first and capped at the requested
 * limit. Only records the caller may see are included. An empty group is still present ({@code []}), as clients render
 * every group.
 */
@Serdeable
public record SearchResults(
        String query,
        @JsonInclude(JsonInclude.Include.ALWAYS) List<ContactMatch> contacts,
        @JsonInclude(JsonInclude.Include.ALWAYS) List<MessageMatch> messages,
        @JsonInclude(JsonInclude.Include.ALWAYS) List<VoicemailMatch> voicemails) {
}
