package com.kin.core.domain;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.UUID;

/**
 * The answer to a bulk SMS request (202): the job, how its recipients start out, and the requested contact ids that were
 * not taken because they do not exist or the caller may not see them.
 */
@Serdeable
public record BulkSmsJobAccepted(
        UUID jobId,
        String status,
        BulkSmsCounts counts,
        List<UUID> rejectedIds) {
}
