package com.kin.twiliovoice;

import static com.kin.twiliovoice.VoiceData.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.testing.SampleUsers;
import com.kin.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /voice/recording and /voice/transcription: one voicemail per recording, routed, transcribed once. */
class VoicemailIT {

    static final String TEXT = "Hi, this is Wile from Acme. Please call me back about the rocket order.";
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
    void recording_createsTheVoicemail_routedLikeTheCall_withTheContactsPriority() {
        answered(sample(VoiceSamples.INBOUND_CALL));

        accept(sample(VoiceSamples.RECORDING));

        Map<String, Object> voicemail = voicemail();
        assertThat(voicemail).containsEntry("contact_id", VoiceData.WILE).containsEntry("assigned_to_id", SampleUsers.AGENT1)
                .containsEntry("department", "sales").containsEntry("priority", "high")
                .containsEntry("from_number", VoiceSamples.CALLER).containsEntry("duration_seconds", 17)
                .containsEntry("recording_url", VoiceSamples.RECORDING_URL).containsEntry("transcription", null);
        assertThat(voicemail.get("call_id")).isEqualTo(
                data.db.row("select id from calls where twilio_call_sid = ?", VoiceSamples.CALL_SID).get("id"));
    }

    @Test
    void duplicateRecording_keepsOneUnchangedVoicemail() {
        answered(sample(VoiceSamples.INBOUND_CALL));
        accept(sample(VoiceSamples.RECORDING));

        accept(sample(VoiceSamples.RECORDING));
        accept(sample(VoiceSamples.RECORDING, "RecordingDuration", "99"));

        assertThat(data.db.count("select count(*) from voicemails")).isEqualTo(1);
        assertThat(voicemail()).containsEntry("version", 1L).containsEntry("duration_seconds", 17);
    }

    @Test
    void urgentContact_givesAnUrgentVoicemail() {
        data.db.execute("update contacts set tags = '{vip,urgent}' where id = ?", VoiceData.WILE);
        answered(sample(VoiceSamples.INBOUND_CALL));

        accept(sample(VoiceSamples.RECORDING));

        assertThat(voicemail()).containsEntry("priority", "urgent");
    }

    @Test
    void unknownCaller_leavesANormalVoicemail_unassignedInTheDepartmentQueue() {
        answered(sample(VoiceSamples.INBOUND_CALL, "From", VoiceData.STRANGER, "Caller", VoiceData.STRANGER));

        accept(sample(VoiceSamples.RECORDING));

        assertThat(voicemail()).containsEntry("contact_id", null).containsEntry("assigned_to_id", null)
                .containsEntry("department", "sales").containsEntry("priority", "normal")
                .containsEntry("from_number", VoiceData.STRANGER);
    }

    @Test
    void absentRecording_storesNothing() {
        answered(sample(VoiceSamples.INBOUND_CALL));

        accept(sample(VoiceSamples.RECORDING, "RecordingStatus", "absent"));

        assertThat(data.db.count("select count(*) from voicemails")).isZero();
    }

    @Test
    void recordingOfAnUnknownCall_returns422AndStoresNothing() {
        APIGatewayV2HTTPResponse response = function.invoke(sample(VoiceSamples.RECORDING));

        assertThat(response.getStatusCode()).isEqualTo(422);
        assertThat(response.getBody()).contains(VoiceSamples.RECORDING_SID);
        assertThat(data.db.count("select count(*) from voicemails")).isZero();
    }

    @Test
    void transcription_isAttachedOnce() {
        answered(sample(VoiceSamples.INBOUND_CALL));
        accept(sample(VoiceSamples.RECORDING));

        accept(sample(VoiceSamples.TRANSCRIPTION));
        accept(sample(VoiceSamples.TRANSCRIPTION));
        accept(sample(VoiceSamples.TRANSCRIPTION, "TranscriptionSid", "TR0000000000000000000000000000c002",
                "TranscriptionText", "a second, different transcription"));

        assertThat(voicemail()).containsEntry("transcription", TEXT)
                .containsEntry("transcription_sid", VoiceSamples.TRANSCRIPTION_SID).containsEntry("version", 2L);
    }

    @Test
    void transcriptionBeforeRecording_createsTheVoicemail_andTheRecordingCompletesIt() {
        answered(sample(VoiceSamples.INBOUND_CALL));

        accept(sample(VoiceSamples.TRANSCRIPTION));
        assertThat(voicemail()).containsEntry("transcription", TEXT).containsEntry("duration_seconds", null)
                .containsEntry("priority", "high");

        accept(sample(VoiceSamples.RECORDING));
        accept(sample(VoiceSamples.TRANSCRIPTION));

        assertThat(data.db.count("select count(*) from voicemails")).isEqualTo(1);
        assertThat(voicemail()).containsEntry("transcription", TEXT).containsEntry("duration_seconds", 17)
                .containsEntry("version", 2L);
    }

    @Test
    void failedTranscription_attachesNothing() {
        answered(sample(VoiceSamples.INBOUND_CALL));
        accept(sample(VoiceSamples.RECORDING));

        accept(sample(VoiceSamples.TRANSCRIPTION, "TranscriptionStatus", "failed", "TranscriptionText", null));

        assertThat(voicemail()).containsEntry("transcription", null).containsEntry("version", 1L);
    }

    @Test
    void transcriptionOfAnExistingVoicemail_runsOneStatement() {
        answered(sample(VoiceSamples.INBOUND_CALL));
        accept(sample(VoiceSamples.RECORDING));
        long before = function.statementCount();

        accept(sample(VoiceSamples.TRANSCRIPTION));

        assertThat(function.statementCount() - before).isEqualTo(1);
    }

    private static void answered(APIGatewayV2HTTPEvent event) {
        assertThat(function.invoke(event).getStatusCode()).isEqualTo(200);
    }

    private static void accept(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = function.invoke(event);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(204);
    }

    private Map<String, Object> voicemail() {
        return data.db.row("select * from voicemails where recording_sid = ?", VoiceSamples.RECORDING_SID);
    }
}
