package com.kin.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The department-of-record and work-queue rules (calls, voicemails) on top of plain ownership. */
class CallerRecordVisibilityTest {

    private static final UUID ME = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();

    private static final Caller AGENT = new Caller(ME, "a@kin.local", Role.AGENT, "sales");
    private static final Caller MANAGER = new Caller(ME, "m@kin.local", Role.MANAGER, "sales");
    private static final Caller MANAGER_WITHOUT_DEPARTMENT = new Caller(ME, "m@kin.local", Role.MANAGER, null);
    private static final Caller ADMIN = new Caller(ME, "root@kin.local", Role.ADMIN, null);

    @Test
    void record_unansweredCallOfDepartment_visibleToItsManagerAndAdminOnly() {
        assertThat(MANAGER.canAccessRecord(null, null, "sales")).isTrue();
        assertThat(ADMIN.canAccessRecord(null, null, "sales")).isTrue();
        assertThat(AGENT.canAccessRecord(null, null, "sales")).isFalse();
        assertThat(MANAGER.canAccessRecord(null, null, "support")).isFalse();
        assertThat(MANAGER_WITHOUT_DEPARTMENT.canAccessRecord(null, null, null)).isFalse();
    }

    @Test
    void record_ownedByAnotherDepartmentsUser_visibleToManagerOfDepartmentOfRecord() {
        assertThat(MANAGER.canAccessRecord(OTHER, "support", "sales")).isTrue();
        assertThat(MANAGER.canAccessRecord(OTHER, "sales", "support")).isTrue();
        assertThat(MANAGER.canAccessRecord(OTHER, "support", "support")).isFalse();
    }

    @Test
    void record_agentSeesOnlyItsOwn() {
        assertThat(AGENT.canAccessRecord(ME, "sales", "support")).isTrue();
        assertThat(AGENT.canAccessRecord(OTHER, "sales", "sales")).isFalse();
    }

    @Test
    void workItem_unassignedOfOwnDepartment_openToItsAgents() {
        assertThat(AGENT.canAccessWorkItem(null, null, "sales")).isTrue();
        assertThat(AGENT.canAccessWorkItem(null, null, "support")).isFalse();
        assertThat(AGENT.canAccessWorkItem(null, null, null)).isFalse();
        assertThat(new Caller(ME, "x@kin.local", Role.AGENT, null).canAccessWorkItem(null, null, null)).isFalse();
    }

    @Test
    void workItem_assignedToAnotherAgentOfTheDepartment_hiddenFromAgent() {
        assertThat(AGENT.canAccessWorkItem(OTHER, "sales", "sales")).isFalse();
        assertThat(AGENT.canAccessWorkItem(ME, "sales", "support")).isTrue();
    }

    @Test
    void workItem_managerSeesItsDepartmentAndItsAssigneesItems() {
        assertThat(MANAGER.canAccessWorkItem(OTHER, "support", "sales")).isTrue();
        assertThat(MANAGER.canAccessWorkItem(OTHER, "sales", "support")).isTrue();
        assertThat(MANAGER.canAccessWorkItem(null, null, "sales")).isTrue();
        assertThat(MANAGER.canAccessWorkItem(OTHER, "support", "support")).isFalse();
        assertThat(ADMIN.canAccessWorkItem(OTHER, "support", "support")).isTrue();
    }
}
