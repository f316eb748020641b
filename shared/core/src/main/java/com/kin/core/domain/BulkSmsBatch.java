package com.kin.core.domain;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.UUID;

/**
 * The body of one bulk SMS queue message, as the bulk-sms function enqueues it and the bulk-sms-worker reads it: a job and
 * some of its recipients. The message names only ids; what to send and whether it was already sent live in the database.
 */
@Serdeable
public record BulkSmsBatch(UUID jobId, List<UUID> contactIds) {
}
