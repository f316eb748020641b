package com.kin.twiliovoice;

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
 * The world the voice samples call into: the sample users (agent1 in sales, agent2 in support), one more sales agent,
 * our sales number (the samples' To) and a support number, and Wile, agent1's VIP contact, calling from the samples'
 * From. Also builds events from the samples, changed and signed again.
 */
final class VoiceData {

    static final UUID WILE = UUID.fromString("26000000-0000-4000-8000-000000000001");
    static final String SUPPORT_NUMBER = "+15550000200";
    static final String UNKNOWN_NUMBER = "+15550000999";
    static final String STRANGER = "+14155550199";

    private static final SignedEvents EVENTS = new SignedEvents(SignedEvents.LOCAL_AUTH_TOKEN);

    final Db db;
    final UUID salesAgent;

    private VoiceData(Db db, UUID salesAgent) {
        this.db = db;
        this.salesAgent = salesAgent;
    }

    static VoiceData reset(TestDatabase database) {
        database.truncateAll();
        SampleUsers.insert(database.dataSource());
        Db db = new Db(database.dataSource());
        UUID salesAgent = Fixtures.user(database.dataSource(), "agent", "sales");
        Fixtures.phoneNumber(database.dataSource(), VoiceSamples.OUR_NUMBER, "sales");
        Fixtures.phoneNumber(database.dataSource(), SUPPORT_NUMBER, "support");
        db.execute("insert into contacts (id, owner_id, first_name, organization, phone, tags) values (?, ?, 'Wile', "
                + "'Acme Corp', ?, ?)", WILE, SampleUsers.AGENT1, VoiceSamples.CALLER, new String[] {"vip"});
        return new VoiceData(db, salesAgent);
    }

    String clientOf(UUID user) {
        return (String) db.row("select client_identity from users where id = ?", user).get("client_identity");
    }

    /** A sample as stored in {@code events/}. */
    static APIGatewayV2HTTPEvent sample(String file) {
        return LambdaEvents.http(file);
    }

    /** A sample with some parameters changed ({@code name, value, ...}; a null value removes one), signed again. */
    static APIGatewayV2HTTPEvent sample(String file, String... changes) {
        return EVENTS.resigned(LambdaEvents.http(file), changes(changes), null);
    }

    /** A sample sent to another query string, with parameter changes, signed again. */
    static APIGatewayV2HTTPEvent withQuery(String file, String rawQuery, String... changes) {
        APIGatewayV2HTTPEvent event = LambdaEvents.http(file);
        event.setRawQueryString(rawQuery);
        Map<String, String> query = new HashMap<>();
        for (String pair : rawQuery.split("&")) {
            String[] nameValue = pair.split("=", 2);
            query.put(nameValue[0], nameValue.length > 1 ? nameValue[1] : "");
        }
        event.setQueryStringParameters(query);
        return EVENTS.resigned(event, changes(changes), null);
    }

    /** A sample signed for a custom domain ({@code TWILIO_WEBHOOK_BASE_URL}). */
    static APIGatewayV2HTTPEvent signedFor(String publicBaseUrl, String file) {
        return EVENTS.resigned(LambdaEvents.http(file), Map.of(), publicBaseUrl);
    }

    private static Map<String, String> changes(String... nameValues) {
        Map<String, String> changes = new HashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            changes.put(nameValues[i], nameValues[i + 1]);
        }
        return changes;
    }
}
