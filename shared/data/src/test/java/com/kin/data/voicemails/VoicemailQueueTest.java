package com.kin.data.voicemails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kin.core.error.BadRequestError;
import com.kin.core.error.ForbiddenError;
import com.kin.core.identity.Caller;
import com.kin.core.identity.Role;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class VoicemailQueueTest {

    private static final Caller AGENT = new Caller(UUID.randomUUID(), "a@kin.local", Role.AGENT, "sales");
    private static final Caller MANAGER = new Caller(UUID.randomUUID(), "m@kin.local", Role.MANAGER, "sales");
    private static final Caller ADMIN = new Caller(UUID.randomUUID(), "root@kin.local", Role.ADMIN, null);

    @Test
    void default_isMineForAgents_allForOthers() {
        assertThat(VoicemailQueue.parse(null, AGENT)).isEqualTo(VoicemailQueue.MINE);
        assertThat(VoicemailQueue.parse(" ", MANAGER)).isEqualTo(VoicemailQueue.ALL);
        assertThat(VoicemailQueue.parse(null, ADMIN)).isEqualTo(VoicemailQueue.ALL);
    }

    @Test
    void allQueue_isForbiddenToAgents() {
        assertThatThrownBy(() -> VoicemailQueue.parse("all", AGENT)).isInstanceOf(ForbiddenError.class);
        assertThat(VoicemailQueue.parse("all", MANAGER)).isEqualTo(VoicemailQueue.ALL);
    }

    @Test
    void departmentQueue_needsADepartment() {
        assertThat(VoicemailQueue.parse("department", AGENT)).isEqualTo(VoicemailQueue.DEPARTMENT);
        assertThatThrownBy(() -> VoicemailQueue.parse("department", ADMIN)).isInstanceOf(BadRequestError.class);
    }

    @Test
    void unknownQueue_isA400OnQueue() {
        assertThatThrownBy(() -> VoicemailQueue.parse("Mine", AGENT)).isInstanceOfSatisfying(BadRequestError.class,
                e -> assertThat(e.fieldErrors()).containsKey("queue"));
    }
}
