package com.kin.data.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.kin.core.domain.Contact;
import com.kin.core.domain.VoicemailPriority;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RouteTest {

    static final Agent ANNA = new Agent(UUID.randomUUID(), "anna", null);
    static final Agent BEN = new Agent(UUID.randomUUID(), "ben", "WK0000000000000000000000000000a001");

    @Test
    void priority_urgentTagWins_vipIsHigh_everyoneElseNormal() {
        assertThat(Route.priorityOf(contact("vip", "urgent"))).isEqualTo(VoicemailPriority.URGENT);
        assertThat(Route.priorityOf(contact("vip"))).isEqualTo(VoicemailPriority.HIGH);
        assertThat(Route.priorityOf(contact("prospect"))).isEqualTo(VoicemailPriority.NORMAL);
        assertThat(Route.priorityOf(null)).isEqualTo(VoicemailPriority.NORMAL);
    }

    @Test
    void noOwnerAndNoDepartment_hasNoTarget() {
        assertThat(new Route(null, null, null, List.of()).hasTarget()).isFalse();
        assertThat(new Route(null, "sales", null, List.of()).hasTarget()).isTrue();
        assertThat(new Route(contact(), null, ANNA, List.of()).hasTarget()).isTrue();
    }

    @Test
    void assignee_isTheActiveOwner_elseNobody() {
        assertThat(new Route(contact(), "sales", ANNA, List.of(BEN)).assigneeId()).contains(ANNA.id());
        assertThat(new Route(null, "sales", null, List.of(BEN)).assigneeId()).isEmpty();
    }

    @Test
    void newContactOwner_isStablePerNumber_andOneOfTheAgents() {
        List<UUID> agents = List.of(ANNA.id(), BEN.id());

        UUID owner = RoutingRule.spreadOver(agents, "+14155550199");

        assertThat(owner).isIn(ANNA.id(), BEN.id());
        assertThat(RoutingRule.spreadOver(agents, "+14155550199")).isEqualTo(owner);
        assertThat(List.of("+14155550101", "+14155550102", "+14155550103", "+14155550104").stream()
                .map(number -> RoutingRule.spreadOver(agents, number)).distinct()).hasSize(2);
    }

    @Test
    void agentIdentities_skipAgentsWithoutAClient() {
        Route route = new Route(null, "sales", null, List.of(ANNA, new Agent(UUID.randomUUID(), null, "WK1"), BEN));

        assertThat(route.agentIdentities()).containsExactly("anna", "ben");
    }

    private static Contact contact(String... tags) {
        return new Contact(UUID.randomUUID(), UUID.randomUUID(), "Wile", null, null, "+14155550100", null, null,
                List.of(tags), false, null, null, Instant.EPOCH, Instant.EPOCH, 1);
    }
}
