package com.kin.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.kin.core.identity.Caller;
import com.kin.core.identity.MessagePlacement;
import com.kin.core.identity.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link MessageTags#changed} against the visibility rules themselves, for every kind of caller and placement. */
class MessageTagsTest {

    static final UUID AGENT_SALES = UUID.randomUUID();
    static final UUID AGENT_SUPPORT = UUID.randomUUID();
    static final UUID MANAGER_SALES = UUID.randomUUID();
    static final List<Caller> CALLERS = List.of(
            new Caller(UUID.randomUUID(), null, Role.ADMIN, null),
            new Caller(MANAGER_SALES, null, Role.MANAGER, "sales"),
            new Caller(UUID.randomUUID(), null, Role.MANAGER, "support"),
            new Caller(UUID.randomUUID(), null, Role.MANAGER, null),
            new Caller(AGENT_SALES, null, Role.AGENT, "sales"),
            new Caller(AGENT_SUPPORT, null, Role.AGENT, "support"),
            new Caller(UUID.randomUUID(), null, Role.AGENT, "sales"));

    @Test
    void changed_namesTheListsOfEveryCallerWhoSeesTheMessage_throughItsUserOrItsContact() {
        for (MessagePlacement placement : placements()) {
            Set<String> tags = MessageTags.changed(placement);
            for (Caller caller : CALLERS) {
                boolean sees = caller.canAccess(placement.userId(), placement.userDepartment())
                        || (placement.contactOwnerId() != null
                                && caller.canAccess(placement.contactOwnerId(), placement.contactOwnerDepartment()));
                if (sees) {
                    assertThat(tags).as("%s seen by %s", placement, caller.visibilityKey())
                            .contains(CacheTags.listsOf(MessageTags.RESOURCE, caller));
                }
            }
        }
    }

    @Test
    void changed_reachesTheMessageAndItsThreadWhoeverReadThem() {
        UUID id = UUID.randomUUID();
        UUID contact = UUID.randomUUID();
        Set<String> tags = MessageTags.changed(new MessagePlacement(id, AGENT_SALES, "sales", contact, AGENT_SUPPORT,
                "support"));

        for (Caller caller : CALLERS) {
            assertThat(tags).containsAnyElementsOf(MessageTags.message(caller, id));
        }
        assertThat(tags).containsAnyElementsOf(MessageTags.threadPage(contact));
    }

    @Test
    void changed_ofAMessageWithNeitherUserNorContact_reachesOnlyTheAdminLists() {
        Set<String> tags = MessageTags.changed(new MessagePlacement(UUID.randomUUID(), null, null, null, null, null));

        assertThat(tags).filteredOn(tag -> tag.contains(":list:")).containsExactly("messages:list:admin");
    }

    @Test
    void entriesOfOneCaller_carryTheContactsTagsTheContactsFunctionInvalidates() {
        Caller agent = CALLERS.get(4);
        UUID contact = UUID.randomUUID();

        assertThat(MessageTags.conversationPage(agent)).contains(CacheTags.listsOf(MessageTags.CONTACTS, agent))
                .containsAnyElementsOf(CacheTags.listsShowing(MessageTags.CONTACTS, agent.userId(), agent.department()));
        assertThat(MessageTags.message(agent, UUID.randomUUID())).contains(CacheTags.listsOf(MessageTags.CONTACTS, agent));
        assertThat(MessageTags.threadPage(contact)).contains(CacheTags.record(MessageTags.CONTACTS, contact));
    }

    /** Every combination of a user and a contact owner (each possibly absent) among the callers' users. */
    private static List<MessagePlacement> placements() {
        List<UUID> people = Arrays.asList(null, AGENT_SALES, AGENT_SUPPORT, MANAGER_SALES);
        List<MessagePlacement> placements = new ArrayList<>();
        for (UUID user : people) {
            for (UUID owner : people) {
                placements.add(new MessagePlacement(UUID.randomUUID(), user, department(user),
                        owner == null ? null : UUID.randomUUID(), owner, department(owner)));
            }
        }
        return placements;
    }

    private static String department(UUID user) {
        if (user == null) {
            return null;
        }
        return user.equals(AGENT_SUPPORT) ? "support" : "sales";
    }
}
