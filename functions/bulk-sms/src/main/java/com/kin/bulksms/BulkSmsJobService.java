package com.kin.bulksms;

import com.kin.core.domain.BulkSmsCounts;
import com.kin.core.domain.BulkSmsJob;
import com.kin.core.domain.BulkSmsJobAccepted;
import com.kin.core.error.NotFoundError;
import com.kin.core.error.UnprocessableError;
import com.kin.core.identity.Caller;
import com.kin.data.Database;
import com.kin.data.Sql;
import com.kin.data.bulksms.AddedRecipient;
import com.kin.data.bulksms.BulkSmsJobRepository;
import com.kin.data.bulksms.RecipientStatus;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Creates bulk SMS jobs and reports their progress.
 *
 * <p>Creating a job is one transaction: the job row, every recipient in one INSERT ... SELECT (only contacts the caller
 * may see; opted-out contacts start as skipped), then the queue messages. The messages are sent before the commit so that
 * a queue failure rolls the job back and the client can simply retry; the worker in turn treats a job it cannot find yet
 * as "try again later", since it may read the queue before this transaction commits.
 */
@Singleton
class BulkSmsJobService {

    private final Database database;
    private final BulkSmsJobRepository jobs;
    private final BulkSmsText text;
    private final BulkSmsQueue queue;
    private final BulkSmsConfig config;
    private final JsonMapper json;
    private final Clock clock;

    BulkSmsJobService(Database database, BulkSmsJobRepository jobs, BulkSmsText text, BulkSmsQueue queue,
                      BulkSmsConfig config, JsonMapper json, Clock clock) {
        this.database = database;
        this.jobs = jobs;
        this.text = text;
        this.queue = queue;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    BulkSmsJobAccepted create(Caller caller, BulkSmsRequest request) {
        String body = text.resolve(request);
        String variables = toJson(request.variables());
        Instant now = clock.instant();
        return database.transaction("bulkSms.create", sql -> {
            UUID jobId = jobs.insert(sql, caller.userId(), request.templateId(), body, variables, now);
            List<AddedRecipient> added = addRecipients(sql, caller, jobId, request, now);
            List<UUID> queued = added.stream().filter(r -> RecipientStatus.QUEUED.equals(r.status()))
                    .map(AddedRecipient::contactId).toList();
            boolean completed = queued.isEmpty() && jobs.completeIfSettled(sql, jobId, now, now);
            queue.enqueue(jobId, queued);
            return new BulkSmsJobAccepted(jobId, completed ? BulkSmsJob.COMPLETED : BulkSmsJob.IN_PROGRESS,
                    counts(added), rejected(request.contactIds(), added));
        });
    }

    BulkSmsJob progress(Caller caller, UUID jobId) {
        Instant staleBefore = clock.instant().minusSeconds(config.sendingStaleSeconds());
        return jobs.progress(database, caller, jobId, staleBefore)
                .orElseThrow(() -> NotFoundError.of("bulk sms jobs", jobId));
    }

    private List<AddedRecipient> addRecipients(Sql sql, Caller caller, UUID jobId, BulkSmsRequest request,
                                               Instant now) {
        if (request.tag() == null) {
            return jobs.addContacts(sql, caller, jobId, request.contactIds(), now);
        }
        int limit = BulkSmsRequest.MAX_RECIPIENTS;
        List<AddedRecipient> added = jobs.addTagged(sql, caller, jobId, request.tag(), limit + 1, now);
        if (added.size() > limit) {
            throw new UnprocessableError("bulk sms - tag '" + request.tag() + "' matches more than " + limit
                    + " of your contacts; one job sends to at most " + limit);
        }
        return added;
    }

    private static BulkSmsCounts counts(List<AddedRecipient> added) {
        int queued = 0;
        int failed = 0;
        int skipped = 0;
        for (AddedRecipient recipient : added) {
            switch (recipient.status()) {
                case RecipientStatus.QUEUED -> queued++;
                case RecipientStatus.SKIPPED_OPT_OUT -> skipped++;
                default -> failed++;
            }
        }
        return new BulkSmsCounts(added.size(), queued, 0, 0, failed, 0, skipped);
    }

    private static List<UUID> rejected(List<UUID> requested, List<AddedRecipient> added) {
        Set<UUID> taken = new HashSet<>();
        added.forEach(recipient -> taken.add(recipient.contactId()));
        return requested.stream().filter(id -> !taken.contains(id)).toList();
    }

    private String toJson(Map<String, String> variables) {
        try {
            return json.writeValueAsString(variables);
        } catch (IOException e) {
            throw new UncheckedIOException("bulk sms - could not write the job's variables", e);
        }
    }
}
