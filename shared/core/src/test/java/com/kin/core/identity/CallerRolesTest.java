package com.kin.core.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What each role may do beyond seeing records, and the department a caller's work-item lists depend on. */
class CallerRolesTest {

    private static final UUID ME = UUID.randomUUID();

    private static final Caller AGENT = new Caller(ME, "a@kin.local", Role.AGENT, "sales");
    private static final Caller AGENT_WITHOUT_DEPARTMENT = new Caller(ME, "a@kin.local", Role.AGENT, null);
    private static final Caller MANAGER = new Caller(ME, "m@kin.local", Role.MANAGER, "sales");
    private static final Caller MANAGER_WITHOUT_DEPARTMENT = new Caller(ME, "m@kin.local", Role.MANAGER, null);
    private static final Caller ADMIN = new Caller(ME, "root@kin.local", Role.ADMIN, null);
    private static final Caller ADMIN_WITH_DEPARTMENT = new Caller(ME, "root@kin.local", Role.ADMIN, "sales");

    @Test
    void templates_managersAndAdminsEdit_agentsDoNot() {
        assertThat(AGENT.canEditTemplates()).isFalse();
        assertThat(AGENT_WITHOUT_DEPARTMENT.canEditTemplates()).isFalse();
        assertThat(MANAGER.canEditTemplates()).isTrue();
        assertThat(MANAGER_WITHOUT_DEPARTMENT.canEditTemplates()).isTrue();
        assertThat(ADMIN.canEditTemplates()).isTrue();
    }

    @Test
    void users_managersAndAdminsList_onlyAdminsAdminister() {
        assertThat(AGENT.canListUsers()).isFalse();
        assertThat(MANAGER.canListUsers()).isTrue();
        assertThat(ADMIN.canListUsers()).isTrue();
        assertThat(AGENT.canAdministerUsers()).isFalse();
        assertThat(MANAGER.canAdministerUsers()).isFalse();
        assertThat(MANAGER_WITHOUT_DEPARTMENT.canAdministerUsers()).isFalse();
        assertThat(ADMIN.canAdministerUsers()).isTrue();
    }

    @Test
    void unassignedQueueDepartment_isAnAgentsOwnDepartment_only() {
        assertThat(AGENT.unassignedQueueDepartment()).contains("sales");
        assertThat(AGENT_WITHOUT_DEPARTMENT.unassignedQueueDepartment()).isEmpty();
        assertThat(MANAGER.unassignedQueueDepartment()).isEmpty();
        assertThat(ADMIN_WITH_DEPARTMENT.unassignedQueueDepartment()).isEmpty();
    }

    /**
     * The department named is exactly the one whose unassigned items the caller sees beyond its visibility key: an agent
     * sees them there and nowhere else; for managers and admins the key already decides.
     */
    @Test
    void unassignedQueueDepartment_agreesWithWorkItemAccess() {
        for (Caller caller : new Caller[] {AGENT, AGENT_WITHOUT_DEPARTMENT, MANAGER, MANAGER_WITHOUT_DEPARTMENT, ADMIN}) {
            for (String department : new String[] {"sales", "support", null}) {
                boolean viaQueue = caller.unassignedQueueDepartment().filter(d -> d.equals(department)).isPresent();
                boolean viaRecordRule = caller.canAccessRecord(null, null, department);
                assertThat(caller.canAccessWorkItem(null, null, department))
                        .as("%s, unassigned item of %s", caller.role(), department)
                        .isEqualTo(viaQueue || viaRecordRule);
                if (viaQueue) {
                    assertThat(viaRecordRule).as("agents see the queue only through this department").isFalse();
                }
            }
        }
    }
}
