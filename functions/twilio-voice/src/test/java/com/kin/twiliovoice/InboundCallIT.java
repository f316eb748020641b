package com.kin.twiliovoice;

import static com.kin.twiliovoice.VoiceData.sample;
import static com.kin.twiliovoice.VoiceData.withQuery;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.testing.SampleUsers;
import com.kin.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /voice and /voice/dial-complete through the real handler: routing, the call row, and the TwiML answers. */
class InboundCallIT {

    static final String BASE = "https://" + VoiceSamples.HOST;
    static TestDatabase database;
    /** A fresh instance per test, over a fresh cache table. */
    static VoiceFunction function;
    VoiceData data;

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
        function = new VoiceFunction(database, Map.of());
        data = VoiceData.reset(database);
    }

    @Test
    void knownContact_ringsTheOwnerFirst_andRecordsTheRoutedCall() {
        APIGatewayV2HTTPResponse response = function.invoke(sample(VoiceSamples.INBOUND_CALL));

        String twiml = twiml(response);
        assertThat(twiml).contains("<Client>agent1</Client>")
                .contains("action=\"" + BASE + "/voice/dial-complete?stage=owner\"").contains("timeout=\"20\"")
                .doesNotContain(data.clientOf(data.salesAgent));
        Map<String, Object> call = data.db.row("select * from calls where twilio_call_sid = ?", VoiceSamples.CALL_SID);
        assertThat(call).containsEntry("direction", "inbound").containsEntry("status", "ringing")
                .containsEntry("contact_id", VoiceData.WILE).containsEntry("user_id", SampleUsers.AGENT1)
                .containsEntry("department", "sales").containsEntry("from_number", VoiceSamples.CALLER);
    }

    @Test
    void retriedWebhook_answersAlikeAndChangesNothing() {
        String first = twiml(function.invoke(sample(VoiceSamples.INBOUND_CALL)));

        String second = twiml(function.invoke(sample(VoiceSamples.INBOUND_CALL)));

        assertThat(second).isEqualTo(first);
        assertThat(data.db.row("select count(*) as n, max(version) as v from calls"))
                .containsEntry("n", 1L).containsEntry("v", 1L);
    }

    @Test
    void unknownCaller_ringsTheDepartmentsActiveAgents() {
        String twiml = twiml(function.invoke(sample(VoiceSamples.INBOUND_CALL, "From", VoiceData.STRANGER)));

        assertThat(twiml).contains("<Client>agent1</Client>").contains("<Client>" + data.clientOf(data.salesAgent))
                .doesNotContain("agent2").doesNotContain("<Client>manager")
                .contains("action=\"" + BASE + "/voice/dial-complete?stage=department\"");
        assertThat(data.db.row("select contact_id, user_id, department from calls"))
                .containsEntry("contact_id", null).containsEntry("user_id", null).containsEntry("department", "sales");
    }

    @Test
    void deactivatedOwner_ringsTheDepartmentInstead() {
        data.db.execute("update users set active = false where id = ?", SampleUsers.AGENT1);

        String twiml = twiml(function.invoke(sample(VoiceSamples.INBOUND_CALL)));

        assertThat(twiml).doesNotContain("agent1").contains("<Client>" + data.clientOf(data.salesAgent));
    }

    @Test
    void unknownCallerOnUnknownNumber_withoutFallback_goesStraightToVoicemail() {
        String twiml = twiml(function.invoke(sample(VoiceSamples.INBOUND_CALL, "From", VoiceData.STRANGER,
                "To", VoiceData.UNKNOWN_NUMBER)));

        assertThat(twiml).doesNotContain("<Dial").contains("<Say>Sorry, no one can take your call")
                .contains("recordingStatusCallback=\"" + BASE + "/voice/recording\"")
                .contains("transcribeCallback=\"" + BASE + "/voice/transcription\"").contains("transcribe=\"true\"");
        assertThat(data.db.row("select department from calls")).containsEntry("department", null);
    }

    @Test
    void knownCallerOnUnknownNumber_ringsTheOwner_inTheOwnersDepartment() {
        String twiml = twiml(function.invoke(sample(VoiceSamples.INBOUND_CALL, "To", VoiceData.UNKNOWN_NUMBER)));

        assertThat(twiml).contains("<Client>agent1</Client>");
        assertThat(data.db.row("select department from calls")).containsEntry("department", "sales");
    }

    @Test
    void unknownCallerOnUnknownNumber_withFallbackDepartment_ringsItsAgents() {
        try (VoiceFunction fallback = new VoiceFunction(database, Map.of("TWILIO_FALLBACK_DEPARTMENT", "support"))) {
            String twiml = twiml(fallback.invoke(sample(VoiceSamples.INBOUND_CALL, "From", VoiceData.STRANGER,
                    "To", VoiceData.UNKNOWN_NUMBER)));

            assertThat(twiml).contains("<Client>agent2</Client>").doesNotContain("agent1");
        }
    }

    @Test
    void withTaskRouterWorkflow_enqueuesWithTheOwnerAsPreferredWorker() {
        data.db.execute("update users set twilio_worker_sid = 'WK0000000000000000000000000000a001' where id = ?",
                SampleUsers.AGENT1);
        String workflow = "WW0123456789abcdef0123456789abcdef";
        try (VoiceFunction taskRouter = new VoiceFunction(database, Map.of("TWILIO_WORKFLOW_SID", workflow))) {
            String twiml = twiml(taskRouter.invoke(sample(VoiceSamples.INBOUND_CALL)));

            assertThat(twiml).contains("<Enqueue action=\"" + BASE + "/voice/dial-complete\"")
                    .contains("workflowSid=\"" + workflow + "\"").contains("<Task timeout=\"60\">")
                    .contains("WK0000000000000000000000000000a001").contains("sales").doesNotContain("<Dial");
        }
    }

    @Test
    void dialComplete_ownerDidNotAnswer_ringsTheRestOfTheDepartment() {
        String twiml = twiml(function.invoke(sample(VoiceSamples.DIAL_COMPLETE)));

        assertThat(twiml).contains("<Client>" + data.clientOf(data.salesAgent)).doesNotContain("agent1")
                .contains("stage=department");
    }

    @Test
    void dialComplete_answered_hangsUp() {
        String twiml = twiml(function.invoke(sample(VoiceSamples.DIAL_COMPLETE, "DialCallStatus", "completed")));

        assertThat(twiml).contains("<Hangup/>").doesNotContain("<Record");
    }

    @Test
    void dialComplete_departmentDidNotAnswer_takesAVoicemail() {
        String twiml = twiml(function.invoke(withQuery(VoiceSamples.DIAL_COMPLETE, "stage=department")));

        assertThat(twiml).contains("<Record").contains(BASE + "/voice/recording").doesNotContain("<Dial");
    }

    @Test
    void dialComplete_ownerAloneInDepartment_goesToVoicemail() {
        data.db.execute("update users set active = false where id = ?", data.salesAgent);

        String twiml = twiml(function.invoke(sample(VoiceSamples.DIAL_COMPLETE)));

        assertThat(twiml).contains("<Record").doesNotContain("<Dial");
    }

    @Test
    void dialComplete_queueBridged_hangsUp_queueLeft_takesAVoicemail() {
        String bridged = twiml(function.invoke(withQuery(VoiceSamples.DIAL_COMPLETE, "", "DialCallStatus", null,
                "QueueResult", "bridged")));
        String left = twiml(function.invoke(withQuery(VoiceSamples.DIAL_COMPLETE, "", "DialCallStatus", null,
                "QueueResult", "leave")));

        assertThat(bridged).contains("<Hangup/>");
        assertThat(left).contains("<Record");
    }

    @Test
    void dialComplete_unknownStage_returns400() {
        APIGatewayV2HTTPResponse response = function.invoke(withQuery(VoiceSamples.DIAL_COMPLETE, "stage=lobby"));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).contains("stage");
    }

    @Test
    void inboundCall_runsThreeStatements() {
        long before = function.statementCount();

        function.invoke(sample(VoiceSamples.INBOUND_CALL));

        assertThat(function.statementCount() - before).isEqualTo(3);
    }

    static String twiml(APIGatewayV2HTTPResponse response) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        assertThat(response.getHeaders().get("Content-Type")).startsWith("text/xml");
        assertThat(response.getBody()).startsWith("<?xml");
        return response.getBody();
    }
}
