package com.kin.bulksmsworker;

import com.kin.cache.MessageTags;
import com.kin.cache.TwoTierCache;
import com.kin.core.domain.BulkSmsBatch;
import com.kin.core.identity.MessagePlacement;
import com.kin.core.metrics.MetricsRecorder;
import com.kin.data.Database;
import com.kin.data.bulksms.BulkSmsJobRepository;
import com.kin.data.bulksms.BulkSmsRecipientRepository;
import com.kin.data.bulksms.JobToSend;
import com.kin.data.bulksms.SendTarget;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works through one queue message: the job, the named recipients with their contacts (one statement), each recipient in
 * turn, then the job's completion check. Tells whether the message must be delivered again.
 *
 * <p>The messages rows the recipients' sends wrote are new rows in their contacts' threads and in conversation lists that
 * the messages API caches, so their tags ({@link MessageTags#changed}) are invalidated once the queue message is worked
 * through, however that ended: one bulk invalidation (a few parallel tag writes) instead of one per SMS, at the price of
 * the API seeing a sent message up to one queue message's send time (25 recipients at the send rate) later.
 */
@Singleton
final class JobBatchSender {

    static final String RECIPIENTS_METRIC = "BulkSmsRecipients";
    private static final Logger LOG = LoggerFactory.getLogger(JobBatchSender.class);

    private final Database database;
    private final BulkSmsJobRepository jobs;
    private final BulkSmsRecipientRepository recipients;
    private final MessageText text;
    private final RecipientSender sender;
    private final WorkerConfig config;
    private final MetricsRecorder metrics;
    private final TwoTierCache cache;
    private final Clock clock;

    JobBatchSender(Database database, BulkSmsJobRepository jobs, BulkSmsRecipientRepository recipients, MessageText text,
                   RecipientSender sender, WorkerConfig config, MetricsRecorder metrics, TwoTierCache cache, Clock clock) {
        this.database = database;
        this.jobs = jobs;
        this.recipients = recipients;
        this.text = text;
        this.sender = sender;
        this.config = config;
        this.metrics = metrics;
        this.cache = cache;
        this.clock = clock;
    }

    /**
     * Sends what {@code batch} asks for; true when the message must come back. On its last delivery every recipient is
     * tried even when Twilio is unavailable, so that none is left queued behind a message in the dead-letter queue.
     */
    boolean send(BulkSmsBatch batch, boolean lastDelivery) {
        Optional<JobToSend> job = jobs.findForSending(database, batch.jobId());
        if (job.isEmpty()) {
            // The creating transaction may not have committed yet; if it rolled back, the message dead-letters.
            LOG.warn("bulk sms worker - job {} not found (yet); the message will be delivered again", batch.jobId());
            return true;
        }
        boolean redeliver = sendAll(job.get(), recipients.targets(database, batch.jobId(), batch.contactIds()),
                lastDelivery);
        Instant now = clock.instant();
        jobs.completeIfSettled(database, batch.jobId(), now.minusSeconds(config.sendingStaleSeconds()), now);
        return redeliver;
    }

    private boolean sendAll(JobToSend job, List<SendTarget> targets, boolean lastDelivery) {
        MessageText.JobText jobText = text.prepare(job);
        Map<RecipientOutcome, Integer> outcomes = new EnumMap<>(RecipientOutcome.class);
        List<MessagePlacement> written = new ArrayList<>();
        boolean redeliver = false;
        try {
            for (SendTarget target : targets) {
                RecipientOutcome outcome = sender.send(job, jobText, target, lastDelivery, written);
                outcomes.merge(outcome, 1, Integer::sum);
                if (outcome.needsRedelivery()) {
                    redeliver = true;
                    if (!lastDelivery) {
                        // Twilio is unavailable: leave the rest queued for the next delivery instead of spending the
                        // invocation's time on calls that will fail the same way.
                        break;
                    }
                }
            }
        } finally {
            settled(outcomes, written);
        }
        return redeliver;
    }

    /** After the sends, however they ended: the written messages' cache tags, and the outcome counts. */
    private void settled(Map<RecipientOutcome, Integer> outcomes, List<MessagePlacement> written) {
        if (!written.isEmpty()) {
            cache.invalidate(MessageTags.changed(written));
        }
        outcomes.forEach((outcome, count) ->
                metrics.count(RECIPIENTS_METRIC, count, Map.of("outcome", outcome.metricName())));
    }
}
