package com.kin.twiliomessaging;

import com.kin.cache.testing.CacheProbe;
import static com.kin.twiliomessaging.MessagingData.sample;
import static com.kin.twiliomessaging.MessagingData.sms;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.cache.CacheKey;
import com.kin.cache.CacheKind;
import com.kin.cache.CacheTags;
import com.kin.cache.MessageTags;
import com.kin.core.identity.Caller;
import com.kin.core.identity.Role;
import com.kin.testing.CacheTagVersions;
import com.kin.testing.SampleUsers;
import com.kin.testing.TestDatabase;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The messaging webhooks' writes reach the messages and contacts functions' cache entries in the shared table: each
 * write invalidates exactly the tags those functions' entries carry for the rows as written ({@link MessageTags}, and
 * the contacts function's {@link CacheTags#record} and {@link CacheTags#listsShowing} for a contact created or opted out),
 * so such an entry is loaded again by every instance, while entries of other rows are still served. The entries are
 * loaded through the webhook instance's own cache with the kinds and tags the API functions use.
 */
class MessagingCacheIT {

    private static final Caller AGENT1 = new Caller(SampleUsers.AGENT1, "agent1@kin.local", Role.AGENT, "sales");
    private static final Caller SALES_MANAGER = new Caller(SampleUsers.MANAGER, "manager@kin.local", Role.MANAGER, "sales");
    private static final Caller SUPPORT_AGENT = new Caller(SampleUsers.AGENT2, "agent2@kin.local", Role.AGENT, "support");

    private final TestDatabase database = TestDatabase.get();
    private MessagingData data;
    private MessagingFunction function;

    @BeforeEach
    void freshWorldAndTable() {
        data = MessagingData.reset(database);
        function = new MessagingFunction(database, Map.of());
    }

    @AfterEach
    void stop() {
        function.close();
    }

    @Test
    void inboundSms_invalidatesTheMessageItsThreadAndTheConversationListsThatShowIt() {
        CacheKey thread = CacheProbe.key(CacheKind.MESSAGE_LIST, "wile", MessageTags.threadPage(MessagingData.WILE));
        CacheKey otherThread = CacheProbe.key(CacheKind.MESSAGE_LIST, "other", MessageTags.threadPage(UUID.randomUUID()));

        Set<String> invalidated = afterWrite(() -> reply(sample(MessagingSamples.INBOUND_SMS)), thread, otherThread);

        assertThat(invalidated).containsExactlyInAnyOrderElementsOf(messageTags(messageId(MessagingSamples.INBOUND_SID),
                SampleUsers.AGENT1, MessagingData.WILE));
    }

    @Test
    void smsFromAnUnknownNumber_alsoInvalidatesTheNewContactsLists() {
        CacheKey salesContacts = CacheProbe.key(CacheKind.CONTACT_LIST, "sales",
                Set.of(CacheTags.listsOf(MessageTags.CONTACTS, SALES_MANAGER)));
        CacheKey supportContacts = CacheProbe.key(CacheKind.CONTACT_LIST, "support",
                Set.of(CacheTags.listsOf(MessageTags.CONTACTS, SUPPORT_AGENT)));
        String sid = "SM0000000000000000000000000000b001";

        Set<String> invalidated = afterWrite(() -> reply(sms(sid, MessagingData.STRANGER, "Hello?")), salesContacts,
                supportContacts);

        Map<String, Object> contact = data.db.row("select id, owner_id from contacts where mobile_phone = ?",
                MessagingData.STRANGER);
        UUID contactId = (UUID) contact.get("id");
        UUID owner = (UUID) contact.get("owner_id");
        assertThat(invalidated).containsExactlyInAnyOrderElementsOf(union(messageTags(messageId(sid), owner, contactId),
                contactTags(contactId, owner)));
    }

    @Test
    void stop_alsoInvalidatesTheContact_aSecondStopOnlyItsMessage() {
        CacheKey wile = CacheProbe.key(CacheKind.CONTACT, "wile", Set.of(CacheTags.record(MessageTags.CONTACTS,
                MessagingData.WILE)));
        CacheKey otherContact = CacheProbe.key(CacheKind.CONTACT, "other", Set.of(CacheTags.record(MessageTags.CONTACTS,
                UUID.randomUUID())));
        String stop = "SM0000000000000000000000000000b021";
        String again = "SM0000000000000000000000000000b022";

        Set<String> invalidated = afterWrite(() -> reply(sms(stop, MessagingSamples.CUSTOMER, "STOP")), wile,
                otherContact);
        CacheTagVersions afterStop = CacheTagVersions.of(function.cacheTable());
        reply(sms(again, MessagingSamples.CUSTOMER, "stop"));

        assertThat(invalidated).containsExactlyInAnyOrderElementsOf(union(
                messageTags(messageId(stop), SampleUsers.AGENT1, MessagingData.WILE),
                contactTags(MessagingData.WILE, SampleUsers.AGENT1)));
        assertThat(CacheTagVersions.of(function.cacheTable()).changedSince(afterStop)).containsExactlyInAnyOrderElementsOf(
                messageTags(messageId(again), SampleUsers.AGENT1, MessagingData.WILE));
    }

    @Test
    void statusCallback_invalidatesTheMessageWhereverItShows_aDuplicateNothing() {
        data.db.execute("insert into messages (direction, status, body, from_number, to_number, user_id, contact_id, "
                + "twilio_message_sid) values ('outbound', 'queued', 'Your order shipped', ?, ?, ?, ?, ?)",
                MessagingSamples.OUR_NUMBER, MessagingSamples.CUSTOMER, SampleUsers.AGENT1, MessagingData.WILE,
                MessagingSamples.OUTBOUND_SID);
        UUID message = messageId(MessagingSamples.OUTBOUND_SID);
        CacheKey detail = CacheProbe.key(CacheKind.MESSAGE, "detail", MessageTags.message(AGENT1, message));
        CacheKey otherDetail = CacheProbe.key(CacheKind.MESSAGE, "other", MessageTags.message(AGENT1, UUID.randomUUID()));

        Set<String> invalidated = afterWrite(() -> accept(sample(MessagingSamples.STATUS)), detail, otherDetail);
        CacheTagVersions afterFirst = CacheTagVersions.of(function.cacheTable());
        accept(sample(MessagingSamples.STATUS));

        assertThat(invalidated).containsExactlyInAnyOrderElementsOf(messageTags(message, SampleUsers.AGENT1,
                MessagingData.WILE));
        assertThat(CacheTagVersions.of(function.cacheTable()).changedSince(afterFirst)).isEmpty();
    }

    /** A message of {@code user} (sales) in the thread of {@code contact}, owned by that same user, as MessageTags names it. */
    private static Set<String> messageTags(UUID message, UUID user, UUID contact) {
        return Set.of("messages:" + message, "messages:thread:" + contact, "messages:list:user:" + user,
                "messages:list:dept:sales", "messages:list:admin");
    }

    /** A contact of {@code owner} (sales), as the contacts function tags it. */
    private static Set<String> contactTags(UUID contact, UUID owner) {
        return Set.of("contacts:" + contact, "contacts:list:user:" + owner, "contacts:list:dept:sales",
                "contacts:list:admin");
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> all = new HashSet<>(first);
        all.addAll(second);
        return all;
    }

    /**
     * Loads both keys, runs the write, checks that {@code stale} is loaded again everywhere and {@code unrelated} is not,
     * and returns the tags whose versions the write changed in the shared table.
     */
    private Set<String> afterWrite(Runnable write, CacheKey stale, CacheKey unrelated) {
        CacheProbe.load(function.cache(), stale, unrelated);
        CacheTagVersions before = CacheTagVersions.of(function.cacheTable());

        write.run();

        Set<String> invalidated = CacheTagVersions.of(function.cacheTable()).changedSince(before);
        try (MessagingFunction apiInstance = new MessagingFunction(database, function.cacheTable(), Map.of())) {
            CacheProbe.assertStaleEverywhere(function.cache(), apiInstance.cache(), stale, unrelated);
        }
        return invalidated;
    }

    private void reply(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = function.invoke(event);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    }

    private void accept(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = function.invoke(event);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(204);
    }

    private UUID messageId(String sid) {
        return (UUID) data.db.row("select id from messages where twilio_message_sid = ?", sid).get("id");
    }
}
