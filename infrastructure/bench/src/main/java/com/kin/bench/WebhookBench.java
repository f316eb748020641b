package com.kin.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.testing.Fixtures;
import com.kin.testing.FunctionHarness;
import com.kin.testing.LambdaEvents;
import com.kin.testing.SampleUsers;
import com.kin.testing.TestDatabase;
import com.kin.twilio.webhook.SignedEvents;
import com.kin.twiliomessaging.TwilioMessagingHandler;
import com.kin.twiliovoice.TwilioVoiceHandler;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The real Twilio webhook handlers (twilio-voice, twilio-messaging) in Micronaut contexts over embedded Postgres and
 * DynamoDB Local, as their tests run them, fed the signed {@code events/twilio-*} samples re-signed with fresh SIDs, so
 * every delivery is a first delivery that writes (a duplicate would be the cheap path). The world: the sample users,
 * our sales number, and Wile, agent1's contact, calling and texting from the samples' number.
 */
final class WebhookBench {

    static final String CALLER = "+14155550100";
    static final String OUR_NUMBER = "+15550000100";
    static final String CALL_SID = "CA0000000000000000000000000000c001";

    private static final SignedEvents EVENTS = new SignedEvents(SignedEvents.LOCAL_AUTH_TOKEN);
    private static final AtomicLong SEQUENCE = new AtomicLong();

    final Harness voice;
    final Harness messaging;

    private WebhookBench(Harness voice, Harness messaging) {
        this.voice = voice;
        this.messaging = messaging;
    }

    /** Resets the database to the samples' world and starts both handlers, with or without the cache's L2 tier. */
    static WebhookBench start(boolean withL2) {
        TestDatabase db = TestDatabase.get();
        db.truncateAll();
        SampleUsers.insert(db.dataSource());
        Fixtures.phoneNumber(db.dataSource(), OUR_NUMBER, "sales");
        Fixtures.contact(db.dataSource(), SampleUsers.AGENT1, "Wile", CALLER);
        Map<String, Object> settings = ClassPathSettings.with(withL2 ? Map.of() : Map.of("cache.table", ""));
        WebhookBench bench = new WebhookBench(
                new Harness("twilio-voice", settings, true), new Harness("twilio-messaging", settings, false));
        // The call the recording and transcription samples belong to.
        bench.voice.expect(signed("twilio-voice/inbound-call.json"), 200);
        return bench;
    }

    /** A sample re-signed with {@code changes} (name, value, ...). */
    static APIGatewayV2HTTPEvent signed(String sample, String... changes) {
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < changes.length; i += 2) {
            params.put(changes[i], changes[i + 1]);
        }
        return EVENTS.resigned(LambdaEvents.http(sample), params, null);
    }

    /** A SID Twilio could have made: {@code prefix} and 32 hex digits, new on every call. */
    static String sid(String prefix) {
        return prefix + String.format("%032x", SEQUENCE.incrementAndGet() + System.nanoTime());
    }

    /** An outbound message with {@code sid}, queued, for a status callback to move. */
    static void queuedMessage(String sid) {
        try (Connection connection = TestDatabase.get().dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement("insert into messages (direction, status, body, "
                     + "from_number, to_number, user_id, twilio_message_sid) values ('outbound', 'queued', 'Shipped', ?,"
                     + " ?, ?, ?)")) {
            insert.setString(1, OUR_NUMBER);
            insert.setString(2, CALLER);
            insert.setObject(3, SampleUsers.AGENT1);
            insert.setString(4, sid);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("bench - failed to insert the queued message " + sid, e);
        }
    }

    /** The status of the message with {@code sid}; null when there is none. */
    static String messageStatus(String sid) {
        try (Connection connection = TestDatabase.get().dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select status from messages where twilio_message_sid = ?")) {
            query.setString(1, sid);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("bench - failed to read message " + sid, e);
        }
    }

    void close() {
        voice.close();
        messaging.close();
    }

    /** One webhook function. */
    static final class Harness extends FunctionHarness {

        Harness(String name, Map<String, Object> settings, boolean voice) {
            super(name, Tables.fresh("bench-" + name), settings, voice ? TwilioVoiceHandler::new : TwilioMessagingHandler::new);
        }

        /** Invokes and insists on {@code status}: a benchmark of an error is no benchmark. */
        APIGatewayV2HTTPResponse expect(APIGatewayV2HTTPEvent event, int status) {
            return check(invoke(event), status);
        }

        static APIGatewayV2HTTPResponse check(APIGatewayV2HTTPResponse response, int status) {
            if (response == null || response.getStatusCode() != status) {
                throw new IllegalStateException("bench - expected " + status + ", got "
                        + (response == null ? "nothing" : response.getStatusCode() + ": " + response.getBody()));
            }
            return response;
        }
    }
}
