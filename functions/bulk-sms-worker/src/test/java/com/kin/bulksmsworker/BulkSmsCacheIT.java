package com.kin.bulksmsworker;

import com.kin.cache.testing.CacheProbe;
import static com.kin.bulksmsworker.BulkSmsRig.createMessage;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.kin.cache.CacheKey;
import com.kin.cache.CacheKind;
import com.kin.cache.MessageTags;
import com.kin.testing.CacheTagVersions;
import com.kin.testing.LambdaEvents;
import com.kin.testing.SampleUsers;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The messages the worker writes reach the messages function's cache entries in the shared table: once a queue message
 * is worked through, exactly the tags of the messages rows it wrote are invalidated ({@link MessageTags#changed}), so a
 * thread page showing one of them is loaded again by every instance, while other threads are still served. The entries
 * are loaded through the worker instance's own cache with the kind and tags the messages function uses.
 */
class BulkSmsCacheIT {

    private static final UUID WILE = UUID.fromString("10000000-0000-4000-8000-000000000001");
    private static final UUID COYOTE = UUID.fromString("10000000-0000-4000-8000-000000000003");
    /** Agent 2's contact, in no job. */
    private static final UUID ROAD = UUID.fromString("10000000-0000-4000-8000-000000000002");

    private static BulkSmsRig rig;
    private String cacheTable;
    private BulkSmsRig.WorkerInstance worker;

    @BeforeAll
    static void start() {
        rig = new BulkSmsRig();
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    /** A fresh worker instance per test, over a fresh cache table. */
    @BeforeEach
    void reset() {
        rig.twilioAcceptsEverything();
        rig.db.truncateAll();
        SampleUsers.insert(rig.db.dataSource());
        rig.data.contact(WILE, SampleUsers.AGENT1, "Wile", "+15550100001");
        rig.data.contact(COYOTE, SampleUsers.AGENT1, "Coyote", "+15550100003");
        rig.data.contact(ROAD, SampleUsers.AGENT2, "Road", "+15550100002");
        cacheTable = BulkSmsRig.freshCacheTable();
        worker = rig.workerOver(cacheTable);
    }

    @AfterEach
    void closeWorker() {
        worker.close();
    }

    @Test
    void sentMessages_invalidateTheirThreadsAndTheConversationListsThatShowThem() {
        CacheKey wilesThread = CacheProbe.key(CacheKind.MESSAGE_LIST, "wile", MessageTags.threadPage(WILE));
        CacheKey roadsThread = CacheProbe.key(CacheKind.MESSAGE_LIST, "road", MessageTags.threadPage(ROAD));
        CacheProbe.load(worker.cache(), wilesThread, roadsThread);
        CacheTagVersions before = CacheTagVersions.of(cacheTable);

        UUID jobId = rig.createJob(withContacts(List.of(WILE, COYOTE)));
        worker.poller.drain(10);

        Set<String> expected = new TreeSet<>(Set.of("messages:thread:" + WILE, "messages:thread:" + COYOTE,
                "messages:list:user:" + SampleUsers.AGENT1, "messages:list:dept:sales", "messages:list:admin"));
        rig.data.column("select id from messages where bulk_job_id = ?", jobId).forEach(id -> expected.add("messages:" + id));
        assertThat(expected).hasSize(7);
        assertThat(CacheTagVersions.of(cacheTable).changedSince(before)).containsExactlyInAnyOrderElementsOf(expected);
        try (BulkSmsRig.WorkerInstance apiInstance = rig.workerOver(cacheTable)) {
            CacheProbe.assertStaleEverywhere(worker.cache(), apiInstance.cache(), wilesThread, roadsThread);
        }
    }

    @Test
    void recipientsNotSent_writeNoMessage_andInvalidateNothing() {
        rig.data.execute("update contacts set sms_opt_out = true where id = ?", WILE);
        rig.twilio.stubFor(createMessage().atPriority(1).willReturn(BulkSmsRig.json(400, "error-21211-invalid-to.json")));
        CacheTagVersions before = CacheTagVersions.of(cacheTable);

        UUID jobId = rig.createJob(withContacts(List.of(WILE, COYOTE)));
        worker.poller.drain(10);

        assertThat(rig.data.column("select status from bulk_sms_recipients where job_id = ? order by contact_id", jobId))
                .containsExactly("skipped_opt_out", "failed");
        assertThat(CacheTagVersions.of(cacheTable).changedSince(before)).isEmpty();
    }

    private static APIGatewayV2HTTPEvent withContacts(List<UUID> ids) {
        APIGatewayV2HTTPEvent event = LambdaEvents.http("bulk-sms/create.json");
        StringBuilder list = new StringBuilder();
        for (UUID id : ids) {
            list.append(list.isEmpty() ? "" : ",").append('"').append(id).append('"');
        }
        event.setBody("{\"body\": \"Hi {{firstName}}.\", \"contactIds\": [" + list + "]}");
        return event;
    }
}
