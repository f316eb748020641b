package com.kin.twiliomessaging;

import com.kin.testing.Db;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.kin.testing.Fixtures;
import com.kin.testing.LambdaEvents;
import com.kin.testing.SampleUsers;
import com.kin.testing.TestDatabase;
import com.kin.twilio.webhook.SignedEvents;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The world the messaging samples write into: the sample users (agent1 in sales, agent2 in support), one more sales
 * agent, our sales number, and Wile, agent1's contact, texting from the samples' From. Also builds events from the
 * samples, changed and signed again.
 */
final class MessagingData {

    static final UUID WILE = UUID.fromString("26000000-0000-4000-8000-000000000001");
    static final String UNKNOWN_NUMBER = "+15550000999";
    static final String STRANGER = "+14155550199";

    private static final SignedEvents EVENTS = new SignedEvents(SignedEvents.LOCAL_AUTH_TOKEN);

    final Db db;
    final UUID salesAgent;

    private MessagingData(Db db, UUID salesAgent) {
        this.db = db;
        this.salesAgent = salesAgent;
    }

    static MessagingData reset(TestDatabase database) {
        database.truncateAll();
        SampleUsers.insert(database.dataSource());
        Db db = new Db(database.dataSource());
        UUID salesAgent = Fixtures.user(database.dataSource(), "agent", "sales");
        Fixtures.phoneNumber(database.dataSource(), MessagingSamples.OUR_NUMBER, "sales");
        db.execute("insert into contacts (id, owner_id, first_name, organization, mobile_phone) values (?, ?, 'Wile', "
                + "'Acme Corp', ?)", WILE, SampleUsers.AGENT1, MessagingSamples.CUSTOMER);
        return new MessagingData(db, salesAgent);
    }

    static APIGatewayV2HTTPEvent sample(String file) {
        return LambdaEvents.http(file);
    }

    /** A sample with some parameters changed ({@code name, value, ...}; a null value removes one), signed again. */
    static APIGatewayV2HTTPEvent sample(String file, String... nameValues) {
        Map<String, String> changes = new HashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            changes.put(nameValues[i], nameValues[i + 1]);
        }
        return EVENTS.resigned(LambdaEvents.http(file), changes, null);
    }

    /** An inbound SMS from {@code from} saying {@code body}, with its own MessageSid. */
    static APIGatewayV2HTTPEvent sms(String sid, String from, String body) {
        return sample(MessagingSamples.INBOUND_SMS, "MessageSid", sid, "SmsSid", sid, "SmsMessageSid", sid,
                "From", from, "Body", body);
    }
}
