package com.kin.bulksmsworker;

import static org.assertj.core.api.Assertions.assertThat;

import com.kin.data.Database;
import com.kin.data.messages.MessageStatusEvent;
import com.kin.data.messages.MessageWebhookRepository;
import com.kin.testing.LambdaEvents;
import com.kin.testing.SampleUsers;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A job's status callback overtakes Twilio's answer to the worker: the messages row does not exist until the worker
 * records the send, so {@code delivered} arrives for a SID KIN has never seen. WireMock holds the create and applies the
 * callback first, as the messaging function does (the one-statement apply, then the locked apply-or-keep); the row the
 * worker then writes must be delivered, not Twilio's {@code queued}.
 */
class StatusBeforeRecordSentIT {

    static final UUID C1 = BulkSmsWorkerIT.C1;
    static final String SID = "SM0000000000000000000000000000e001";

    static BulkSmsRig rig;
    static WorkerData data;

    @BeforeAll
    static void start() {
        rig = new BulkSmsRig();
        data = rig.data;
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    @BeforeEach
    void reset() {
        rig.twilioAcceptsEverything();
        rig.poller.drain(1_000);
        rig.db.truncateAll();
        SampleUsers.insert(rig.db.dataSource());
        data.contact(C1, SampleUsers.AGENT1, "Wile", "+15550100001");
    }

    @Test
    void deliveredCallback_beforeRecordSent_leavesTheMessageDelivered() {
        rig.twilioAcceptsAfterRunning(SID, () -> {
            statusCallback("delivered");
            statusCallback("sent");
            assertThat(data.value("select status from message_status_pending where twilio_message_sid = ?", SID))
                    .isEqualTo("delivered");
        });
        UUID jobId = rig.createJob(LambdaEvents.http("bulk-sms/create.json"));

        rig.poller.drain(10);

        rig.beforeAnswer.rethrow();
        assertThat(data.value("select status from bulk_sms_recipients where job_id = ? and contact_id = ?", jobId, C1))
                .isEqualTo("sent");
        assertThat(data.value("select status from messages where twilio_message_sid = ?", SID)).isEqualTo("delivered");
        assertThat(data.value("select count(*) from messages where twilio_message_sid = ? and sent_at is not null"
                + " and delivered_at is not null and bulk_job_id = ?", SID, jobId)).isEqualTo(1L);
        assertThat(data.value("select count(*) from message_status_pending")).isEqualTo(0L);
    }

    /** What the messaging function's MessageStatusService does with a callback, with the worker's beans. */
    private static void statusCallback(String status) {
        Database database = rig.workerBean(Database.class);
        MessageWebhookRepository webhooks = rig.workerBean(MessageWebhookRepository.class);
        MessageStatusEvent event = new MessageStatusEvent(SID, status, null, null);
        Instant now = Instant.now();
        assertThat(webhooks.applyStatus(database, event, now)
                .or(() -> database.transaction("test.status", sql -> webhooks.applyOrKeep(sql, event, now)))).isEmpty();
    }
}
