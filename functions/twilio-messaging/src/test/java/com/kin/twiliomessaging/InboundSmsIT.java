package com.kin.twiliomessaging;

import static com.kin.twiliomessaging.MessagingData.sample;
import static com.kin.twiliomessaging.MessagingData.sms;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.testing.Fixtures;
import com.kin.testing.SampleUsers;
import com.kin.testing.TestDatabase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /sms through the real handler: stored once against the right contact, opt-out keywords applied. */
class InboundSmsIT {

    static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";
    static TestDatabase database;
    /** A fresh instance per test, over a fresh cache table. */
    static MessagingFunction function;
    MessagingData data;

    @BeforeAll
    static void start() {
        database = TestDatabase.get();
    }

    @AfterEach
    void stop() {
        function.close();
    }

    @BeforeEach
    void reset() {
        function = new MessagingFunction(database, Map.of());
        data = MessagingData.reset(database);
    }

    @Test
    void knownContact_storesTheMessageAgainstIt_andRepliesWithNothing() {
        assertThat(twiml(function.invoke(sample(MessagingSamples.INBOUND_SMS)))).isEqualTo(EMPTY_TWIML);

        assertThat(data.db.row("select * from messages where twilio_message_sid = ?", MessagingSamples.INBOUND_SID))
                .containsEntry("direction", "inbound").containsEntry("status", "received")
                .containsEntry("body", MessagingSamples.BODY).containsEntry("contact_id", MessagingData.WILE)
                .containsEntry("user_id", SampleUsers.AGENT1).containsEntry("read_at", null)
                .containsEntry("from_number", MessagingSamples.CUSTOMER).containsEntry("to_number", MessagingSamples.OUR_NUMBER);
    }

    @Test
    void duplicateDelivery_changesNothing() {
        twiml(function.invoke(sample(MessagingSamples.INBOUND_SMS)));

        twiml(function.invoke(sample(MessagingSamples.INBOUND_SMS)));

        assertThat(data.db.count("select count(*) from messages")).isEqualTo(1);
        assertThat(data.db.row("select unread_count from conversations")).containsEntry("unread_count", 1);
    }

    @Test
    void unknownSender_getsANewContactOwnedByADepartmentAgent_once() {
        twiml(function.invoke(sms("SM0000000000000000000000000000b001", MessagingData.STRANGER, "Hello?")));
        twiml(function.invoke(sms("SM0000000000000000000000000000b001", MessagingData.STRANGER, "Hello?")));
        twiml(function.invoke(sms("SM0000000000000000000000000000b002", MessagingData.STRANGER, "Anyone there?")));

        Map<String, Object> contact = data.db.row("select * from contacts where mobile_phone = ?", MessagingData.STRANGER);
        assertThat((UUID) contact.get("owner_id")).isIn(SampleUsers.AGENT1, data.salesAgent);
        assertThat(contact).containsEntry("first_name", MessagingData.STRANGER);
        assertThat(data.db.row("select count(*) as n, count(distinct contact_id) as contacts, min(user_id::text) as owner "
                + "from messages where from_number = ?", MessagingData.STRANGER))
                .containsEntry("n", 2L).containsEntry("contacts", 1L).containsEntry("owner", contact.get("owner_id").toString());
    }

    @Test
    void concurrentDeliveries_ofAnUnknownSender_createOneContactAndOneMessage() throws Exception {
        APIGatewayV2HTTPEvent[] deliveries = new APIGatewayV2HTTPEvent[6];
        for (int i = 0; i < deliveries.length; i++) {
            deliveries[i] = sms("SM0000000000000000000000000000b00" + (i % 2), MessagingData.STRANGER, "Hi " + (i % 2));
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<APIGatewayV2HTTPResponse>> responses = new ArrayList<>();
            for (APIGatewayV2HTTPEvent delivery : deliveries) {
                responses.add(pool.submit(() -> function.invoke(delivery)));
            }
            for (Future<APIGatewayV2HTTPResponse> response : responses) {
                twiml(response.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(data.db.count("select count(*) from contacts where mobile_phone = ?", MessagingData.STRANGER)).isEqualTo(1);
        assertThat(data.db.count("select count(*) from messages where from_number = ?", MessagingData.STRANGER)).isEqualTo(2);
    }

    @Test
    void unknownSenderOnUnknownNumber_withoutFallback_getsAContactOwnedByTheOldestActiveAdmin() {
        Fixtures.user(database.dataSource(), "admin", null);

        twiml(function.invoke(sample(MessagingSamples.INBOUND_SMS, "From", MessagingData.STRANGER,
                "To", MessagingData.UNKNOWN_NUMBER)));

        Map<String, Object> contact = data.db.row("select id, owner_id from contacts where mobile_phone = ?",
                MessagingData.STRANGER);
        assertThat(contact).containsEntry("owner_id", SampleUsers.ADMIN);
        assertThat(data.db.row("select contact_id, user_id from messages"))
                .containsEntry("contact_id", contact.get("id")).containsEntry("user_id", SampleUsers.ADMIN);
    }

    @Test
    void unknownSender_noActiveAdminToFallBackOn_keepsTheMessageWithoutAContact() {
        data.db.execute("update users set active = false where role = 'admin'");

        twiml(function.invoke(sample(MessagingSamples.INBOUND_SMS, "From", MessagingData.STRANGER,
                "To", MessagingData.UNKNOWN_NUMBER)));

        assertThat(data.db.row("select contact_id, user_id from messages"))
                .containsEntry("contact_id", null).containsEntry("user_id", null);
        assertThat(data.db.count("select count(*) from contacts")).isEqualTo(1);
    }

    /** Owning a contact needs no phone: agents without a Client identity (who cannot take calls) still own SMS contacts. */
    @Test
    void unknownSender_departmentAgentsWithoutClientIdentity_stillOwnTheNewContact() {
        data.db.execute("update users set client_identity = null where department = 'sales'");

        twiml(function.invoke(sms("SM0000000000000000000000000000b051", MessagingData.STRANGER, "Hello?")));

        assertThat((UUID) data.db.row("select owner_id from contacts where mobile_phone = ?", MessagingData.STRANGER)
                .get("owner_id")).isIn(SampleUsers.AGENT1, data.salesAgent);
    }

    @Test
    void unknownSender_departmentWithoutActiveAgents_goesToItsManager() {
        data.db.execute("update users set active = false where role = 'agent' and department = 'sales'");

        twiml(function.invoke(sms("SM0000000000000000000000000000b052", MessagingData.STRANGER, "Hello?")));

        assertThat(data.db.row("select owner_id from contacts where mobile_phone = ?", MessagingData.STRANGER))
                .containsEntry("owner_id", SampleUsers.MANAGER);
    }

    @Test
    void unknownSenderOnUnknownNumber_withFallback_goesToTheFallbackDepartmentsAgent() {
        try (MessagingFunction fallback = new MessagingFunction(database, Map.of("TWILIO_FALLBACK_DEPARTMENT", "support"))) {
            twiml(fallback.invoke(sample(MessagingSamples.INBOUND_SMS, "From", MessagingData.STRANGER,
                    "To", MessagingData.UNKNOWN_NUMBER)));
        }

        assertThat(data.db.row("select owner_id from contacts where mobile_phone = ?", MessagingData.STRANGER))
                .containsEntry("owner_id", SampleUsers.AGENT2);
    }

    @Test
    void senderThatIsNotAPhoneNumber_getsNoContact() {
        twiml(function.invoke(sample(MessagingSamples.INBOUND_SMS, "From", "KINALERTS")));

        assertThat(data.db.row("select contact_id from messages")).containsEntry("contact_id", null);
        assertThat(data.db.count("select count(*) from contacts")).isEqualTo(1);
    }

    @Test
    void stopWords_optOut_startWords_optBackIn() {
        twiml(function.invoke(sms("SM0000000000000000000000000000b011", MessagingSamples.CUSTOMER, " stop ")));
        assertThat(optOut()).containsEntry("sms_opt_out", true);
        assertThat(optOut().get("sms_opt_out_at")).isNotNull();

        twiml(function.invoke(sms("SM0000000000000000000000000000b012", MessagingSamples.CUSTOMER, "Start")));
        assertThat(optOut()).containsEntry("sms_opt_out", false).containsEntry("sms_opt_out_at", null);

        twiml(function.invoke(sms("SM0000000000000000000000000000b013", MessagingSamples.CUSTOMER, "UNSUBSCRIBE")));
        assertThat(optOut()).containsEntry("sms_opt_out", true);
    }

    @Test
    void repeatedStop_keepsTheFirstOptOut() {
        twiml(function.invoke(sms("SM0000000000000000000000000000b021", MessagingSamples.CUSTOMER, "STOP")));
        Map<String, Object> first = optOut();

        twiml(function.invoke(sms("SM0000000000000000000000000000b022", MessagingSamples.CUSTOMER, "quit")));
        twiml(function.invoke(sms("SM0000000000000000000000000000b021", MessagingSamples.CUSTOMER, "STOP")));

        assertThat(optOut()).isEqualTo(first);
    }

    @Test
    void twiliosOptOutType_decides_evenForAnotherWording() {
        twiml(function.invoke(sample(MessagingSamples.INBOUND_SMS, "Body", "Please stop texting me", "OptOutType", "STOP")));

        assertThat(optOut()).containsEntry("sms_opt_out", true);
    }

    @Test
    void ordinaryMessage_leavesTheOptOutAlone() {
        twiml(function.invoke(sms("SM0000000000000000000000000000b031", MessagingSamples.CUSTOMER, "STOP")));

        twiml(function.invoke(sample(MessagingSamples.INBOUND_SMS, "Body", "Don't stop me now")));

        assertThat(optOut()).containsEntry("sms_opt_out", true);
    }

    @Test
    void help_repliesOnlyWhenAReplyIsConfigured_andOncePerMessage() {
        APIGatewayV2HTTPEvent help = sms("SM0000000000000000000000000000b041", MessagingSamples.CUSTOMER, "help");
        assertThat(twiml(function.invoke(help))).isEqualTo(EMPTY_TWIML);

        Map<String, Object> environment = new HashMap<>();
        environment.put("TWILIO_SMS_HELP_REPLY", "KIN support: reply STOP to opt out.");
        try (MessagingFunction helpful = new MessagingFunction(database, environment)) {
            APIGatewayV2HTTPEvent info = sms("SM0000000000000000000000000000b042", MessagingSamples.CUSTOMER, "INFO");
            assertThat(twiml(helpful.invoke(info))).contains("<Message>KIN support: reply STOP to opt out.</Message>");
            APIGatewayV2HTTPEvent again = sms("SM0000000000000000000000000000b042", MessagingSamples.CUSTOMER, "INFO");
            assertThat(twiml(helpful.invoke(again))).isEqualTo(EMPTY_TWIML);
        }
    }

    @Test
    void messageFromAKnownContact_runsFourStatements() {
        long before = function.statementCount();

        twiml(function.invoke(sample(MessagingSamples.INBOUND_SMS)));

        assertThat(function.statementCount() - before).isEqualTo(4);
    }

    private Map<String, Object> optOut() {
        return data.db.row("select sms_opt_out, sms_opt_out_at, version from contacts where id = ?", MessagingData.WILE);
    }

    static String twiml(APIGatewayV2HTTPResponse response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders().get("Content-Type")).startsWith("text/xml");
        return response.getBody();
    }
}
