package com.kin.voicemails;

import static org.assertj.core.api.Assertions.assertThat;

import com.kin.cache.CacheTags;
import com.kin.cache.CallTags;
import com.kin.core.identity.Caller;
import com.kin.core.identity.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The tags a voicemail write invalidates, against the tags of the list pages each caller caches. */
class VoicemailCacheTest {

    private static final UUID VOICEMAIL = UUID.fromString("21000000-0000-4000-8000-000000000001");
    private static final UUID ALICE = UUID.fromString("00000000-0000-4000-8000-000000000003");
    private static final UUID BOB = UUID.fromString("00000000-0000-4000-8000-000000000004");
    private static final UUID MAX = UUID.fromString("00000000-0000-4000-8000-000000000002");
    private static final UUID LONER = UUID.fromString("00000000-0000-4000-8000-000000000005");
    private static final UUID MIA = UUID.fromString("00000000-0000-4000-8000-000000000006");
    private static final UUID NOBODY_ELSE = UUID.fromString("00000000-0000-4000-8000-000000000099");
    private static final UUID CALL = UUID.fromString("20000000-0000-4000-8000-000000000001");

    @Test
    void reassignment_invalidatesTheRecordAndTheListsOfBothAssignees() {
        Set<String> tags = VoicemailCache.tagsOf(List.of(
                new VoicemailCache.Placement(VOICEMAIL, ALICE, "sales", "sales", null),
                new VoicemailCache.Placement(VOICEMAIL, BOB, "support", "sales", null)));

        assertThat(tags).containsExactlyInAnyOrder("voicemails:" + VOICEMAIL, "voicemails:list:user:" + ALICE,
                "voicemails:list:user:" + BOB, "voicemails:list:dept:sales", "voicemails:list:dept:support",
                "voicemails:list:admin");
    }

    @Test
    void unassignedVoicemail_invalidatesItsDepartmentsUnassignedQueue() {
        Set<String> tags = VoicemailCache.tagsOf(List.of(new VoicemailCache.Placement(VOICEMAIL, null, null, "sales", null)));

        assertThat(tags).containsExactlyInAnyOrder("voicemails:" + VOICEMAIL, "voicemails:list:dept:sales",
                "voicemails:list:unassigned:sales", "voicemails:list:admin");
    }

    @Test
    void voicemailLeftOnACall_alsoInvalidatesTheDetailOfThatCall() {
        Set<String> tags = VoicemailCache.tagsOf(List.of(
                new VoicemailCache.Placement(VOICEMAIL, ALICE, "sales", "sales", CALL)));

        assertThat(tags).containsExactlyInAnyOrder("voicemails:" + VOICEMAIL, "voicemails:call:" + CALL,
                "voicemails:list:user:" + ALICE, "voicemails:list:dept:sales", "voicemails:list:admin");
        assertThat(tags).as("a tag of the call's cached detail").containsAnyElementsOf(CallTags.detail(CALL));
    }

    /**
     * Soundness over every combination of caller and placement in a small world: whenever a caller may see a voicemail,
     * a write to it invalidates at least one tag of that caller's list pages; and an agent's pages are never invalidated
     * by voicemails only others may see.
     */
    @Test
    void everyCallerWhoCanSeeAVoicemail_hasAListTagItsWriteInvalidates_agentsNoOther() {
        List<String> departments = Arrays.asList("sales", "support", null);
        for (Caller caller : callers()) {
            Set<String> listTags = CacheTags.listsOfWorkItems(VoicemailCache.RESOURCE, caller);
            for (VoicemailCache.Placement placement : placements(departments)) {
                Set<String> shared = new HashSet<>(VoicemailCache.tagsOf(List.of(placement)));
                shared.retainAll(listTags);
                boolean visible = caller.canAccessWorkItem(placement.assigneeId(), placement.assigneeDepartment(),
                        placement.department());
                if (visible) {
                    assertThat(shared).as("%s seeing %s", caller, placement).isNotEmpty();
                } else if (caller.role() == Role.AGENT) {
                    assertThat(shared).as("%s not seeing %s", caller, placement).isEmpty();
                }
            }
        }
    }

    private static List<Caller> callers() {
        return List.of(new Caller(ALICE, "a@x", Role.AGENT, "sales"), new Caller(BOB, "b@x", Role.AGENT, "support"),
                new Caller(LONER, "l@x", Role.AGENT, null), new Caller(MAX, "m@x", Role.MANAGER, "sales"),
                new Caller(MIA, "mia@x", Role.MANAGER, null), new Caller(NOBODY_ELSE, "admin@x", Role.ADMIN, null));
    }

    /** A user a voicemail can be assigned to, with the department the users table gives it (as its claims do). */
    private record Assignee(UUID id, String department) {
    }

    private static List<VoicemailCache.Placement> placements(List<String> departments) {
        List<Assignee> assignees = new ArrayList<>(List.of(new Assignee(ALICE, "sales"), new Assignee(BOB, "support"),
                new Assignee(LONER, null), new Assignee(MAX, "sales"), new Assignee(MIA, null)));
        departments.forEach(department -> assignees.add(new Assignee(NOBODY_ELSE, department)));
        assignees.add(new Assignee(null, null));
        List<VoicemailCache.Placement> placements = new ArrayList<>();
        for (Assignee assignee : assignees) {
            for (String department : departments) {
                placements.add(new VoicemailCache.Placement(VOICEMAIL, assignee.id(), assignee.department(), department,
                        null));
            }
        }
        return placements;
    }
}
