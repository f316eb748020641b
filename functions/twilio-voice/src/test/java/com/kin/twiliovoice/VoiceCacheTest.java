package com.kin.twiliovoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.kin.cache.CacheTags;
import com.kin.cache.CallTags;
import com.kin.core.identity.Caller;
import com.kin.core.identity.Role;
import com.kin.data.voicemails.VoicemailPlacement;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The tags a voicemail written by the webhooks invalidates, against the tags of the entries that show it. */
class VoiceCacheTest {

    private static final UUID VOICEMAIL = UUID.fromString("21000000-0000-4000-8000-000000000001");
    private static final UUID CALL = UUID.fromString("20000000-0000-4000-8000-000000000001");
    private static final UUID ALICE = UUID.fromString("00000000-0000-4000-8000-000000000003");

    @Test
    void assignedVoicemailOnACall_invalidatesItsRecordItsAssigneesListsAndTheCallsDetail() {
        Set<String> tags = VoiceCache.voicemailTags(new VoicemailPlacement(VOICEMAIL, CALL, ALICE, "sales", "sales"));

        assertThat(tags).containsExactlyInAnyOrder("voicemails:" + VOICEMAIL, "voicemails:call:" + CALL,
                "voicemails:list:user:" + ALICE, "voicemails:list:dept:sales", "voicemails:list:admin");
    }

    @Test
    void unassignedVoicemailWithoutACall_invalidatesTheDepartmentsUnassignedQueue_andNoCall() {
        Set<String> tags = VoiceCache.voicemailTags(new VoicemailPlacement(VOICEMAIL, null, null, null, "sales"));

        assertThat(tags).containsExactlyInAnyOrder("voicemails:" + VOICEMAIL, "voicemails:list:dept:sales",
                "voicemails:list:unassigned:sales", "voicemails:list:admin");
    }

    @Test
    void everyEntryShowingTheVoicemail_carriesATagItsWriteInvalidates() {
        VoicemailPlacement unassigned = new VoicemailPlacement(VOICEMAIL, CALL, null, null, "sales");
        Set<String> tags = VoiceCache.voicemailTags(unassigned);

        for (Caller caller : Set.of(new Caller(ALICE, "a@x", Role.AGENT, "sales"),
                new Caller(UUID.randomUUID(), "m@x", Role.MANAGER, "sales"),
                new Caller(UUID.randomUUID(), "admin@x", Role.ADMIN, null))) {
            Set<String> shared = new HashSet<>(CacheTags.listsOfWorkItems(CallTags.VOICEMAILS, caller));
            shared.retainAll(tags);
            assertThat(shared).as("%s's voicemail lists", caller).isNotEmpty();
        }
        assertThat(tags).as("the call's detail").containsAnyElementsOf(CallTags.detail(CALL));
    }
}
