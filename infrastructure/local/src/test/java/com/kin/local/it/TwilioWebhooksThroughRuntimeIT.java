package com.kin.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.kin.local.LocalPlatform;
import com.kin.local.LogStream;
import com.kin.local.PlatformOptions;
import com.kin.local.auth.JwtAudience;
import com.kin.local.auth.LocalIdentity;
import com.kin.local.auth.LocalUser;
import com.kin.local.auth.SigningKeys;
import com.kin.local.seed.SeedUsers;
import com.kin.local.services.LocalPostgres;
import com.kin.local.template.LocalStack;
import com.kin.local.template.Template;
import com.kin.twilio.webhook.SignedEvents;
import com.kin.twilio.webhook.TwilioSigner;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Twilio's webhooks through the local runtime as Twilio would deliver them: the real template.yaml, the real function
 * jars in Lambda's runtime client, form posts over HTTP to the function URLs, signed with the documented local token for
 * exactly the URL the function checks (its TWILIO_WEBHOOK_BASE_URL, then path and query). Outcomes are read from the
 * runtime's Postgres. An SMS sent through the messages function and a click-to-call placed through the calls function
 * go to the runtime's Twilio stand-in, whose status callbacks come back, signed, to the webhook functions. Forged,
 * replayed, duplicated and reordered deliveries each have a case; every case uses fresh SIDs, so they share one runtime.
 */
class TwilioWebhooksThroughRuntimeIT {

    private static final String VOICE = "TwilioVoiceFunction";
    private static final String MESSAGING = "TwilioMessagingFunction";
    private static final String CALLER = "+14155550100";
    private static final String OUR_NUMBER = "+15550000100";
    private static final String VOICEMAIL_TEXT = "Hi, this is Wile. Please call me back about the rocket order.";
    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent().getParent();
    private static final TwilioSigner TWILIO = new TwilioSigner(SignedEvents.LOCAL_AUTH_TOKEN);

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static LocalPlatform platform;
    private static String gateway;
    private static Path state;

    @BeforeAll
    static void startRuntime() throws Exception {
        requireBuilt("functions/twilio-voice/target/function.jar");
        requireBuilt("functions/twilio-messaging/target/function.jar");
        requireBuilt("functions/messages/target/function.jar");
        requireBuilt("functions/calls/target/function.jar");
        state = Files.createDirectories(Path.of("target", "kin-state"));
        // No queue pollers: only the two webhook functions, messages and calls ever start, each as one instance.
        PlatformOptions options = new PlatformOptions(REPOSITORY.resolve("template.yaml"), state, null, 0,
                PlatformOptions.Seed.NONE, false, 1, Map.of(), true, false);
        platform = LocalPlatform.start(options, new LogStream(System.out), Clock.systemUTC());
        gateway = platform.gateway().orElseThrow().url();
    }

    @AfterAll
    static void stopRuntime() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void forgedSignature_is403AndWritesNothing() throws Exception {
        Map<String, String> sms = inboundSms(newSid("SM"), "hello");
        String forged = new TwilioSigner("not-the-auth-token").sign(webhookUrl(MESSAGING, "/sms"), sms);

        HttpResponse<String> response = post(MESSAGING, "/sms", sms, forged);
        HttpResponse<String> unsigned = post(MESSAGING, "/sms", sms, null);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(unsigned.statusCode()).isEqualTo(403);
        assertThat(count("select count(*) from messages where twilio_message_sid = ?", sms.get("MessageSid"))).isZero();
    }

    @Test
    void signedInboundCall_isAnsweredWithTwimlAndRecorded() throws Exception {
        Map<String, String> call = call(newSid("CA"), "ringing", null);

        HttpResponse<String> response = signedPost(VOICE, "/voice", call);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type).contains("xml"));
        Document twiml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(twiml.getDocumentElement().getTagName()).isEqualTo("Response");
        // Twilio's next callback must come back to this function URL, so the TwiML is built from its base URL.
        assertThat(nextCallback(twiml)).as(response.body()).startsWith(gateway + "/fn/" + VOICE + "/voice/");
        assertThat(count("select count(*) from calls where twilio_call_sid = ? and direction = 'inbound'",
                call.get("CallSid"))).isEqualTo(1);
    }

    @Test
    void sameInboundSmsDeliveredTwice_storesOneMessage() throws Exception {
        Map<String, String> sms = inboundSms(newSid("SM"), "Is my rocket order ready?");

        HttpResponse<String> first = signedPost(MESSAGING, "/sms", sms);
        HttpResponse<String> again = signedPost(MESSAGING, "/sms", sms);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(count("select count(*) from messages where twilio_message_sid = ? and direction = 'inbound'"
                + " and body = ?", sms.get("MessageSid"), sms.get("Body"))).isEqualTo(1);
    }

    @Test
    void statusCallbacksOutOfOrder_keepTheCallCompleted() throws Exception {
        String callSid = newSid("CA");
        Map<String, String> completed = call(callSid, "completed", "3");
        completed.put("CallDuration", "42");

        HttpResponse<String> late = signedPost(VOICE, "/voice/status", completed);
        HttpResponse<String> early = signedPost(VOICE, "/voice/status", call(callSid, "ringing", "1"));

        assertThat(late.statusCode()).as(late.body()).isEqualTo(204);
        assertThat(early.statusCode()).as(early.body()).isEqualTo(204);
        assertThat(count("select count(*) from calls where twilio_call_sid = ? and status = 'completed'"
                + " and status_sequence = 3 and duration_seconds = 42", callSid)).isEqualTo(1);
        assertThat(count("select count(*) from calls where twilio_call_sid = ?", callSid)).isEqualTo(1);
    }

    @Test
    void validRequestReplayedToAnotherPath_is403AndWritesNothing() throws Exception {
        Map<String, String> call = call(newSid("CA"), "completed", "3");
        String signature = TWILIO.sign(webhookUrl(VOICE, "/voice/status"), call);

        HttpResponse<String> otherPath = post(VOICE, "/voice", call, signature);
        HttpResponse<String> otherQuery = post(VOICE, "/voice/status?stage=owner", call, signature);

        assertThat(otherPath.statusCode()).isEqualTo(403);
        assertThat(otherQuery.statusCode()).isEqualTo(403);
        assertThat(count("select count(*) from calls where twilio_call_sid = ?", call.get("CallSid"))).isZero();
    }

    @Test
    void validRequestReplayedWithAChangedParameter_is403AndWritesNothing() throws Exception {
        Map<String, String> sms = inboundSms(newSid("SM"), "hello");
        String signature = TWILIO.sign(webhookUrl(MESSAGING, "/sms"), sms);
        Map<String, String> changed = new LinkedHashMap<>(sms);
        changed.put("Body", "STOP");

        HttpResponse<String> response = post(MESSAGING, "/sms", changed, signature);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(count("select count(*) from messages where twilio_message_sid = ?", sms.get("MessageSid"))).isZero();
    }

    @Test
    void forgedVoiceRequest_is403AndWritesNothing() throws Exception {
        Map<String, String> call = call(newSid("CA"), "ringing", null);
        String forged = new TwilioSigner("not-the-auth-token").sign(webhookUrl(VOICE, "/voice"), call);

        HttpResponse<String> response = post(VOICE, "/voice", call, forged);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(count("select count(*) from calls where twilio_call_sid = ?", call.get("CallSid"))).isZero();
    }

    @Test
    void messageStatusesOutOfOrder_keepTheMessageDelivered_andAnUnstoredSidIsKept() throws Exception {
        String sid = newSid("SM");
        execute("insert into messages (direction, status, body, from_number, to_number, twilio_message_sid) "
                + "values ('outbound', 'queued', 'Your order shipped', ?, ?, ?)", OUR_NUMBER, CALLER, sid);
        String unstored = newSid("SM");

        HttpResponse<String> delivered = signedPost(MESSAGING, "/sms/status", messageStatus(sid, "delivered"));
        HttpResponse<String> lateSent = signedPost(MESSAGING, "/sms/status", messageStatus(sid, "sent"));
        HttpResponse<String> beforeItsSid = signedPost(MESSAGING, "/sms/status", messageStatus(unstored, "delivered"));

        assertThat(List.of(delivered, lateSent, beforeItsSid)).allSatisfy(response ->
                assertThat(response.statusCode()).as(response.body()).isEqualTo(204));
        assertThat(count("select count(*) from messages where twilio_message_sid = ? and status = 'delivered'"
                + " and delivered_at is not null", sid)).isEqualTo(1);
        assertThat(count("select count(*) from message_status_pending where twilio_message_sid = ?"
                + " and status = 'delivered'", unstored)).isEqualTo(1);
    }

    @Test
    void duplicateRecordingAndTranscriptionCallbacks_leaveOneVoicemailTranscribedOnce() throws Exception {
        String callSid = newSid("CA");
        String recordingSid = newSid("RE");
        HttpResponse<String> answered = signedPost(VOICE, "/voice", call(callSid, "ringing", null));
        assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);

        for (int delivery = 0; delivery < 2; delivery++) {
            HttpResponse<String> recording = signedPost(VOICE, "/voice/recording", recording(callSid, recordingSid));
            assertThat(recording.statusCode()).as(recording.body()).isEqualTo(204);
        }
        for (int delivery = 0; delivery < 2; delivery++) {
            HttpResponse<String> transcription = signedPost(VOICE, "/voice/transcription",
                    transcription(callSid, recordingSid, "TR" + recordingSid.substring(2)));
            assertThat(transcription.statusCode()).as(transcription.body()).isEqualTo(204);
        }

        assertThat(count("select count(*) from voicemails where recording_sid = ?", recordingSid)).isEqualTo(1);
        assertThat(count("select count(*) from voicemails where recording_sid = ? and transcription = ?"
                + " and transcription_sid = ? and version = 2", recordingSid, VOICEMAIL_TEXT,
                "TR" + recordingSid.substring(2))).isEqualTo(1);
    }

    @Test
    void sentSms_isAcceptedByTheTwilioStandInAndItsCallbacksMarkItDelivered() throws Exception {
        LocalUser admin = SeedUsers.byEmail("admin@kin.local").orElseThrow();
        execute("insert into users (id, email, name, role) values (?::uuid, ?, ?, ?) on conflict do nothing",
                admin.id().toString(), admin.email(), admin.name(), admin.role());
        String body = "Your order shipped " + UUID.randomUUID();

        HttpResponse<String> sent = apiPost(admin, "/api/messages",
                "{\"to\": \"+14155550123\", \"body\": \"" + body + "\"}");

        assertThat(sent.statusCode()).as(sent.body()).isIn(201, 202);
        String sid = single("select twilio_message_sid from messages where body = '" + body + "'");
        assertThat(sid).matches("^SM[0-9a-f]{32}$");
        awaitStatus("messages", "twilio_message_sid", sid, "delivered", Duration.ofSeconds(60));
    }

    @Test
    void clickToCallViaClient_isPlacedByTheTwilioStandInAndItsCallbacksCompleteIt() throws Exception {
        LocalUser agent = SeedUsers.byEmail("agent1@kin.local").orElseThrow();
        execute("insert into users (id, email, name, role, department, client_identity) values (?::uuid, ?, ?, ?, ?, ?)"
                + " on conflict do nothing", agent.id().toString(), agent.email(), agent.name(), agent.role(),
                agent.department(), "agent1");

        HttpResponse<String> placed = apiPost(agent, "/api/calls", "{\"to\": \"+14155550124\", \"via\": \"client\"}");

        assertThat(placed.statusCode()).as(placed.body()).isIn(201, 202);
        String sid = single("select twilio_call_sid from calls where user_id = '" + agent.id() + "'"
                + " order by created_at desc limit 1");
        assertThat(sid).matches("^CA[0-9a-f]{32}$");
        awaitStatus("calls", "twilio_call_sid", sid, "completed", Duration.ofSeconds(60));
        assertThat(count("select count(*) from calls where twilio_call_sid = ? and duration_seconds >= 1", sid))
                .isEqualTo(1);
    }

    /** A JSON POST to the HTTP API with a token for {@code user}, as the frontend sends it. */
    private static HttpResponse<String> apiPost(LocalUser user, String path, String json) throws Exception {
        String audience = JwtAudience.of(LocalStack.of(Template.read(REPOSITORY.resolve("template.yaml")), Map.of()))
                .orElseThrow();
        String token = new LocalIdentity(SigningKeys.loadOrCreate(state), Clock.systemUTC())
                .issue(user, audience, Duration.ofHours(1));
        return HTTP.send(HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(60))
                .header("authorization", "Bearer " + token).header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls a row's status until it is {@code expected}, failing with the last status seen at the deadline. */
    private static void awaitStatus(String table, String sidColumn, String sid, String expected, Duration within)
            throws Exception {
        Instant deadline = Instant.now().plus(within);
        String status = null;
        while (Instant.now().isBefore(deadline)) {
            status = single("select status from " + table + " where " + sidColumn + " = '" + sid + "'");
            if (expected.equals(status)) {
                return;
            }
            Thread.sleep(100);
        }
        fail(table + " row " + sid + " is still '" + status + "' after " + within + ", expected '" + expected + "'");
    }

    /** Where Twilio posts next: the {@code <Dial action>} after ringing, or the recording of a voicemail. */
    private static String nextCallback(Document twiml) {
        if (twiml.getElementsByTagName("Dial").getLength() > 0) {
            return ((Element) twiml.getElementsByTagName("Dial").item(0)).getAttribute("action");
        }
        assertThat(twiml.getElementsByTagName("Record").getLength()).as("a <Dial> or a <Record>").isPositive();
        return ((Element) twiml.getElementsByTagName("Record").item(0)).getAttribute("recordingStatusCallback");
    }

    private static void requireBuilt(String jar) {
        if (!Files.isRegularFile(REPOSITORY.resolve(jar))) {
            fail(jar + " is missing: build the functions first with `mvn -B install -DskipTests` at the repository root");
        }
    }

    /** What Twilio signs: the function's TWILIO_WEBHOOK_BASE_URL locally, then the path and query it called. */
    private static String webhookUrl(String function, String pathAndQuery) {
        return gateway + "/fn/" + function + pathAndQuery;
    }

    private static HttpResponse<String> signedPost(String function, String pathAndQuery, Map<String, String> params)
            throws Exception {
        return post(function, pathAndQuery, params, TWILIO.sign(webhookUrl(function, pathAndQuery), params));
    }

    private static HttpResponse<String> post(String function, String pathAndQuery, Map<String, String> params,
                                             String signature) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(webhookUrl(function, pathAndQuery)))
                .timeout(Duration.ofSeconds(60))
                .header("content-type", "application/x-www-form-urlencoded")
                .header("i-twilio-idempotency-token", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(SignedEvents.formEncode(params)));
        if (signature != null) {
            request.header("x-twilio-signature", signature);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String newSid(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    private static Map<String, String> call(String callSid, String status, String sequenceNumber) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", "AC0123456789abcdef0123456789abcdef");
        params.put("ApiVersion", "2010-04-01");
        params.put("CallSid", callSid);
        params.put("CallStatus", status);
        params.put("Called", OUR_NUMBER);
        params.put("Caller", CALLER);
        params.put("Direction", "inbound");
        params.put("From", CALLER);
        params.put("To", OUR_NUMBER);
        if (sequenceNumber != null) {
            params.put("SequenceNumber", sequenceNumber);
        }
        return params;
    }

    private static Map<String, String> messageStatus(String messageSid, String status) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", "AC0123456789abcdef0123456789abcdef");
        params.put("ApiVersion", "2010-04-01");
        params.put("From", OUR_NUMBER);
        params.put("MessageSid", messageSid);
        params.put("MessageStatus", status);
        params.put("SmsSid", messageSid);
        params.put("SmsStatus", status);
        params.put("To", CALLER);
        return params;
    }

    private static Map<String, String> recording(String callSid, String recordingSid) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", "AC0123456789abcdef0123456789abcdef");
        params.put("CallSid", callSid);
        params.put("RecordingDuration", "17");
        params.put("RecordingSid", recordingSid);
        params.put("RecordingStatus", "completed");
        params.put("RecordingUrl", "https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef"
                + "/Recordings/" + recordingSid);
        return params;
    }

    private static Map<String, String> transcription(String callSid, String recordingSid, String transcriptionSid) {
        Map<String, String> params = recording(callSid, recordingSid);
        params.remove("RecordingDuration");
        params.remove("RecordingStatus");
        params.put("From", CALLER);
        params.put("To", OUR_NUMBER);
        params.put("TranscriptionSid", transcriptionSid);
        params.put("TranscriptionStatus", "completed");
        params.put("TranscriptionText", VOICEMAIL_TEXT);
        return params;
    }

    private static Map<String, String> inboundSms(String messageSid, String body) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", "AC0123456789abcdef0123456789abcdef");
        params.put("ApiVersion", "2010-04-01");
        params.put("Body", body);
        params.put("From", CALLER);
        params.put("MessageSid", messageSid);
        params.put("NumMedia", "0");
        params.put("SmsSid", messageSid);
        params.put("SmsStatus", "received");
        params.put("To", OUR_NUMBER);
        return params;
    }

    private static String single(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(platform.services().jdbcUrl(), LocalPostgres.USER,
                LocalPostgres.PASSWORD); PreparedStatement query = connection.prepareStatement(sql);
             ResultSet rows = query.executeQuery()) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    private static void execute(String sql, String... parameters) throws Exception {
        try (Connection connection = DriverManager.getConnection(platform.services().jdbcUrl(), LocalPostgres.USER,
                LocalPostgres.PASSWORD); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    private static long count(String sql, String... parameters) throws Exception {
        try (Connection connection = DriverManager.getConnection(platform.services().jdbcUrl(), LocalPostgres.USER,
                LocalPostgres.PASSWORD); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
