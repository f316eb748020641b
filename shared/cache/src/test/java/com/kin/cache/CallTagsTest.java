package com.kin.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.kin.core.identity.CallPlacement;
import com.kin.core.identity.Caller;
import com.kin.core.identity.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link CallTags} against the department-of-record rule itself, for every kind of caller and placement. */
class CallTagsTest {

    static final UUID AGENT_SALES = UUID.randomUUID();
    static final UUID AGENT_SUPPORT = UUID.randomUUID();
    static final List<Caller> CALLERS = List.of(
            new Caller(UUID.randomUUID(), null, Role.ADMIN, null),
            new Caller(UUID.randomUUID(), null, Role.MANAGER, "sales"),
            new Caller(UUID.randomUUID(), null, Role.MANAGER, "support"),
            new Caller(UUID.randomUUID(), null, Role.MANAGER, null),
            new Caller(AGENT_SALES, null, Role.AGENT, "sales"),
            new Caller(AGENT_SUPPORT, null, Role.AGENT, "support"));

    @Test
    void changed_namesTheHistoryOfEveryCallerWhoSeesTheCall() {
        for (CallPlacement placement : placements()) {
            Set<String> tags = CallTags.changed(placement);
            for (Caller caller : CALLERS) {
                if (caller.canAccessRecord(placement.userId(), placement.userDepartment(), placement.department())) {
                    assertThat(tags).as("%s seen by %s", placement, caller.visibilityKey())
                            .containsAll(CallTags.listPage(caller, null));
                }
            }
            assertThat(tags).containsAnyElementsOf(CallTags.detail(placement.callId()));
        }
    }

    @Test
    void voicemailChanged_reachesTheDetailOfItsCall_andNothingWithoutACall() {
        UUID call = UUID.randomUUID();
        UUID voicemail = UUID.randomUUID();

        assertThat(CallTags.voicemailChanged(voicemail, call)).containsAnyElementsOf(CallTags.detail(call));
        assertThat(CallTags.voicemailChanged(voicemail, null)).containsExactly("voicemails:" + voicemail);
    }

    @Test
    void listPageFilteredByAContact_carriesTheContactsRecordTag() {
        UUID contact = UUID.randomUUID();

        assertThat(CallTags.listPage(CALLERS.get(4), contact)).contains("contacts:" + contact);
        assertThat(CallTags.listPage(CALLERS.get(4), null)).containsExactly("calls:list:user:" + AGENT_SALES);
    }

    private static List<CallPlacement> placements() {
        List<CallPlacement> placements = new ArrayList<>();
        for (UUID user : new UUID[] {null, AGENT_SALES, AGENT_SUPPORT}) {
            for (String department : new String[] {null, "sales", "support"}) {
                String userDepartment = user == null ? null : user.equals(AGENT_SALES) ? "sales" : "support";
                placements.add(new CallPlacement(UUID.randomUUID(), user, userDepartment, department));
            }
        }
        return placements;
    }
}
