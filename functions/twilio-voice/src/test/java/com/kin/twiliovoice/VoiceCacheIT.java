package com.kin.twiliovoice;

import com.kin.cache.testing.CacheProbe;
import static com.kin.twiliovoice.VoiceData.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.cache.CacheKey;
import com.kin.cache.CacheKind;
import com.kin.cache.CacheTags;
import com.kin.cache.CallTags;
import com.kin.core.identity.Caller;
import com.kin.core.identity.Role;
import com.kin.testing.CacheTagVersions;
import com.kin.testing.SampleUsers;
import com.kin.testing.TestDatabase;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The voice webhooks' writes reach the calls and voicemails functions' cache entries in the shared table: each write
 * invalidates exactly the tags those functions' entries carry for the row as written ({@link CallTags},
 * {@link CacheTags}), so such an entry is loaded again by every instance, while entries of other rows are still served.
 * The entries are loaded through the webhook instance's own cache with the kinds and tags the API functions use.
 */
class VoiceCacheIT {

    private static final Caller SALES_MANAGER = new Caller(SampleUsers.MANAGER, "manager@kin.local", Role.MANAGER, "sales");
    private static final Caller SUPPORT_AGENT = new Caller(SampleUsers.AGENT2, "agent2@kin.local", Role.AGENT, "support");

    private final TestDatabase database = TestDatabase.get();
    private VoiceData data;
    private VoiceFunction function;

    @BeforeEach
    void freshWorldAndTable() {
        data = VoiceData.reset(database);
        function = new VoiceFunction(database, Map.of());
    }

    @AfterEach
    void stop() {
        function.close();
    }

    @Test
    void inboundCall_invalidatesTheCallAndEveryHistoryThatShowsIt() {
        CacheKey salesHistory = CacheProbe.key(CacheKind.CALL_LIST, "sales", CallTags.listPage(SALES_MANAGER, null));
        CacheKey supportHistory = CacheProbe.key(CacheKind.CALL_LIST, "support", CallTags.listPage(SUPPORT_AGENT, null));

        Set<String> invalidated = afterWrite(() -> respond(sample(VoiceSamples.INBOUND_CALL), 200), salesHistory,
                supportHistory);

        UUID call = callId();
        assertThat(invalidated).containsExactlyInAnyOrder("calls:" + call, "calls:list:user:" + SampleUsers.AGENT1,
                "calls:list:dept:sales", "calls:list:admin");
    }

    @Test
    void statusCallback_invalidatesTheCallsDetailAndHistories_aDuplicateNothing() {
        respond(sample(VoiceSamples.INBOUND_CALL), 200);
        UUID call = callId();
        CacheKey detail = CacheProbe.key(CacheKind.CALL, "detail", CallTags.detail(call));
        CacheKey otherDetail = CacheProbe.key(CacheKind.CALL, "other", CallTags.detail(UUID.randomUUID()));

        Set<String> invalidated = afterWrite(() -> respond(sample(VoiceSamples.STATUS), 204), detail, otherDetail);
        CacheTagVersions afterFirst = CacheTagVersions.of(function.cacheTable());
        respond(sample(VoiceSamples.STATUS), 204);

        assertThat(invalidated).containsExactlyInAnyOrder("calls:" + call, "calls:list:user:" + SampleUsers.AGENT1,
                "calls:list:dept:sales", "calls:list:admin");
        assertThat(CacheTagVersions.of(function.cacheTable()).changedSince(afterFirst)).isEmpty();
    }

    @Test
    void recording_invalidatesTheVoicemailsListsAndTheDetailOfItsCall() {
        respond(sample(VoiceSamples.INBOUND_CALL), 200);
        UUID call = callId();
        CacheKey callDetail = CacheProbe.key(CacheKind.CALL, "detail", CallTags.detail(call));
        CacheKey supportQueue = CacheProbe.key(CacheKind.VOICEMAIL_LIST, "support",
                CacheTags.listsOfWorkItems(CallTags.VOICEMAILS, SUPPORT_AGENT));

        Set<String> invalidated = afterWrite(() -> respond(sample(VoiceSamples.RECORDING), 204), callDetail,
                supportQueue);

        UUID voicemail = voicemailId();
        assertThat(invalidated).containsExactlyInAnyOrder("voicemails:" + voicemail, "voicemails:call:" + call,
                "voicemails:list:user:" + SampleUsers.AGENT1, "voicemails:list:dept:sales", "voicemails:list:admin");
    }

    @Test
    void unknownCallersVoicemail_invalidatesTheDepartmentsUnassignedQueue() {
        respond(sample(VoiceSamples.INBOUND_CALL, "From", VoiceData.STRANGER, "Caller", VoiceData.STRANGER), 200);
        Caller salesAgent = new Caller(data.salesAgent, "sales@kin.local", Role.AGENT, "sales");
        CacheKey salesAgentsQueue = CacheProbe.key(CacheKind.VOICEMAIL_LIST, "sales-agent",
                CacheTags.listsOfWorkItems(CallTags.VOICEMAILS, salesAgent));
        CacheKey supportQueue = CacheProbe.key(CacheKind.VOICEMAIL_LIST, "support",
                CacheTags.listsOfWorkItems(CallTags.VOICEMAILS, SUPPORT_AGENT));

        Set<String> invalidated = afterWrite(() -> respond(sample(VoiceSamples.RECORDING), 204), salesAgentsQueue,
                supportQueue);

        assertThat(invalidated).containsExactlyInAnyOrder("voicemails:" + voicemailId(), "voicemails:call:" + callId(),
                "voicemails:list:unassigned:sales", "voicemails:list:dept:sales", "voicemails:list:admin");
    }

    @Test
    void transcription_invalidatesTheVoicemailWhereItIsNow() {
        respond(sample(VoiceSamples.INBOUND_CALL), 200);
        respond(sample(VoiceSamples.RECORDING), 204);
        UUID voicemail = voicemailId();
        data.db.execute("update voicemails set assigned_to_id = ? where id = ?", data.salesAgent, voicemail);
        CacheKey detail = CacheProbe.key(CacheKind.VOICEMAIL, "detail", Set.of(CacheTags.record("voicemails", voicemail)));
        CacheKey otherDetail = CacheProbe.key(CacheKind.VOICEMAIL, "other",
                Set.of(CacheTags.record("voicemails", UUID.randomUUID())));

        Set<String> invalidated = afterWrite(() -> respond(sample(VoiceSamples.TRANSCRIPTION), 204), detail,
                otherDetail);

        assertThat(invalidated).containsExactlyInAnyOrder("voicemails:" + voicemail, "voicemails:call:" + callId(),
                "voicemails:list:user:" + data.salesAgent, "voicemails:list:dept:sales", "voicemails:list:admin");
    }

    /**
     * Loads both keys, runs the write, checks that {@code stale} is loaded again everywhere and {@code unrelated} is not,
     * and returns the tags whose versions the write changed in the shared table.
     */
    private Set<String> afterWrite(Runnable write, CacheKey stale, CacheKey unrelated) {
        CacheProbe.load(function.cache(), stale, unrelated);
        CacheTagVersions before = CacheTagVersions.of(function.cacheTable());

        write.run();

        Set<String> invalidated = CacheTagVersions.of(function.cacheTable()).changedSince(before);
        try (VoiceFunction apiInstance = new VoiceFunction(database, function.cacheTable(), Map.of())) {
            CacheProbe.assertStaleEverywhere(function.cache(), apiInstance.cache(), stale, unrelated);
        }
        return invalidated;
    }

    private void respond(APIGatewayV2HTTPEvent event, int status) {
        APIGatewayV2HTTPResponse response = function.invoke(event);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    }

    private UUID callId() {
        return (UUID) data.db.row("select id from calls where twilio_call_sid = ?", VoiceSamples.CALL_SID).get("id");
    }

    private UUID voicemailId() {
        return (UUID) data.db.row("select id from voicemails where recording_sid = ?", VoiceSamples.RECORDING_SID)
                .get("id");
    }
}
