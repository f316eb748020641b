package com.kin.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class CacheTagsTest {

    private static final UUID AGENT = UUID.fromString("00000000-0000-4000-8000-000000000003");

    @Test
    void listsChangedByMove_namesEveryOwnedResourcesListsOfBothDepartmentsAndTheUsersOwn() {
        assertThat(CacheTags.listsChangedByMove(AGENT, "sales", "support")).containsExactlyInAnyOrder(
                "contacts:list:user:" + AGENT, "contacts:list:dept:sales", "contacts:list:dept:support",
                "calls:list:user:" + AGENT, "calls:list:dept:sales", "calls:list:dept:support",
                "messages:list:user:" + AGENT, "messages:list:dept:sales", "messages:list:dept:support",
                "voicemails:list:user:" + AGENT, "voicemails:list:dept:sales", "voicemails:list:dept:support");
    }

    @Test
    void listsChangedByMove_outOfOrIntoNoDepartment_skipsTheMissingOne() {
        assertThat(CacheTags.listsChangedByMove(AGENT, null, "support"))
                .hasSize(8).doesNotContain("contacts:list:dept:null").contains("voicemails:list:dept:support");
    }

    @Test
    void listsShowing_aRecordOfAnAgent_isInItsOwnItsDepartmentsAndTheAdminLists() {
        assertThat(CacheTags.listsShowing("contacts", AGENT, "sales")).containsExactly(
                "contacts:list:user:" + AGENT, "contacts:list:dept:sales", "contacts:list:admin");
    }
}
