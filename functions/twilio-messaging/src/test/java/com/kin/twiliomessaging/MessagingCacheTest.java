package com.kin.twiliomessaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.kin.cache.MessageTags;
import com.kin.core.identity.MessagePlacement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The tags an inbound message invalidates, with and without a change to its contact. */
class MessagingCacheTest {

    private static final UUID MESSAGE = UUID.fromString("30000000-0000-4000-8000-000000000001");
    private static final UUID CONTACT = UUID.fromString("26000000-0000-4000-8000-000000000001");
    private static final UUID OWNER = UUID.fromString("00000000-0000-4000-8000-000000000003");
    private static final MessagePlacement IN_THREAD = new MessagePlacement(MESSAGE, OWNER, "sales", CONTACT, OWNER, "sales");

    @Test
    void messageOnly_invalidatesTheMessagesTagsAndNoContactTag() {
        assertThat(MessagingCache.receivedTags(IN_THREAD, false))
                .containsExactlyInAnyOrderElementsOf(MessageTags.changed(IN_THREAD))
                .noneMatch(tag -> tag.startsWith("contacts:"));
    }

    @Test
    void contactCreatedOrOptedOut_alsoInvalidatesTheContactAndItsOwnersContactLists() {
        assertThat(MessagingCache.receivedTags(IN_THREAD, true)).containsAll(MessageTags.changed(IN_THREAD))
                .contains("contacts:" + CONTACT, "contacts:list:user:" + OWNER, "contacts:list:dept:sales",
                        "contacts:list:admin")
                .hasSize(MessageTags.changed(IN_THREAD).size() + 4);
    }

    @Test
    void messageWithoutAContact_invalidatesNoContactTag() {
        MessagePlacement noContact = new MessagePlacement(MESSAGE, null, null, null, null, null);

        assertThat(MessagingCache.receivedTags(noContact, true)).containsExactly("messages:" + MESSAGE,
                "messages:list:admin");
    }
}
