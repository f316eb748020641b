package com.kin.twiliovoice;

import static com.kin.twiliovoice.VoiceData.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.testing.TestDatabase;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /voice/status: calls only move forward, whatever order, however often Twilio delivers. */
class CallStatusIT {

    static final Instant SAMPLE_END = Instant.parse("2026-11-24T06:01:30Z");
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
    void inboundCallRinging() {
        function = new VoiceFunction(database, Map.of());
        data = VoiceData.reset(database);
        assertThat(function.invoke(sample(VoiceSamples.INBOUND_CALL)).getStatusCode()).isEqualTo(200);
    }

    @Test
    void completed_setsStatusDurationAndTimes() {
        accept(sample(VoiceSamples.STATUS));

        assertThat(call()).containsEntry("status", "completed").containsEntry("duration_seconds", 42)
                .containsEntry("status_sequence", 3).containsEntry("version", 2L);
        assertThat(time("ended_at")).isEqualTo(SAMPLE_END);
        assertThat(time("answered_at")).isEqualTo(SAMPLE_END.minusSeconds(42));
    }

    @Test
    void duplicateCompleted_changesNothing_evenWithOtherTimesAndDuration() {
        accept(sample(VoiceSamples.STATUS));

        accept(sample(VoiceSamples.STATUS));
        accept(sample(VoiceSamples.STATUS, "CallDuration", "99", "Timestamp", "Tue, 24 Nov 2026 07:00:00 +0000"));

        assertThat(call()).containsEntry("duration_seconds", 42).containsEntry("version", 2L);
        assertThat(time("ended_at")).isEqualTo(SAMPLE_END);
    }

    @Test
    void reorderedCallbacks_neverMoveTheCallBackwards() {
        accept(status("in-progress", 2, "Tue, 24 Nov 2026 06:00:48 +0000"));
        accept(status("ringing", 1, "Tue, 24 Nov 2026 06:00:40 +0000"));
        assertThat(call()).containsEntry("status", "in-progress").containsEntry("status_sequence", 2);

        accept(sample(VoiceSamples.STATUS));
        accept(status("in-progress", 2, "Tue, 24 Nov 2026 06:00:48 +0000"));

        assertThat(call()).containsEntry("status", "completed").containsEntry("status_sequence", 3);
        assertThat(time("answered_at")).isEqualTo(Instant.parse("2026-11-24T06:00:48Z"));
    }

    @Test
    void concurrentShuffledCallbacks_endInTheLastStatus() throws Exception {
        List<APIGatewayV2HTTPEvent> callbacks = new ArrayList<>(List.of(
                status("initiated", 0, "Tue, 24 Nov 2026 06:00:30 +0000"),
                status("ringing", 1, "Tue, 24 Nov 2026 06:00:40 +0000"),
                status("in-progress", 2, "Tue, 24 Nov 2026 06:00:48 +0000"),
                sample(VoiceSamples.STATUS), sample(VoiceSamples.STATUS),
                status("ringing", 1, "Tue, 24 Nov 2026 06:00:40 +0000")));
        Collections.shuffle(callbacks, new Random(7));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<APIGatewayV2HTTPResponse>> responses = new ArrayList<>();
            callbacks.forEach(callback -> responses.add(pool.submit(() -> function.invoke(callback))));
            for (Future<APIGatewayV2HTTPResponse> response : responses) {
                assertThat(response.get(30, TimeUnit.SECONDS).getStatusCode()).isEqualTo(204);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(call()).containsEntry("status", "completed").containsEntry("status_sequence", 3)
                .containsEntry("duration_seconds", 42);
        assertThat(time("ended_at")).isEqualTo(SAMPLE_END);
    }

    @Test
    void terminalStatus_neverRegresses_evenWithAHigherSequence() {
        accept(sample(VoiceSamples.STATUS));

        accept(status("in-progress", 9, "Tue, 24 Nov 2026 06:05:00 +0000"));
        accept(status("busy", 10, "Tue, 24 Nov 2026 06:05:00 +0000"));

        assertThat(call()).containsEntry("status", "completed").containsEntry("status_sequence", 3)
                .containsEntry("version", 2L);
    }

    @Test
    void lowerRankWithHigherSequence_isIgnored() {
        accept(status("in-progress", 2, "Tue, 24 Nov 2026 06:00:48 +0000"));

        accept(status("ringing", 5, "Tue, 24 Nov 2026 06:00:50 +0000"));

        assertThat(call()).containsEntry("status", "in-progress").containsEntry("status_sequence", 2);
    }

    @Test
    void withoutSequenceNumber_onlyAHigherRankApplies() {
        accept(sample(VoiceSamples.STATUS, "CallStatus", "in-progress", "SequenceNumber", null, "CallDuration", null));
        accept(sample(VoiceSamples.STATUS, "CallStatus", "in-progress", "SequenceNumber", null, "CallDuration", null));
        accept(sample(VoiceSamples.STATUS, "CallStatus", "ringing", "SequenceNumber", null, "CallDuration", null));

        assertThat(call()).containsEntry("status", "in-progress").containsEntry("version", 2L)
                .containsEntry("status_sequence", -1);
    }

    @Test
    void unknownCallSid_createsTheCall_soAnOutboundCallbackIsNotLost() {
        String sid = "CA0000000000000000000000000000d001";

        accept(sample(VoiceSamples.STATUS, "CallSid", sid, "Direction", "outbound-api", "CallStatus", "ringing",
                "SequenceNumber", "1", "CallDuration", null));
        accept(sample(VoiceSamples.STATUS, "CallSid", sid, "Direction", "outbound-api", "CallStatus", "initiated",
                "SequenceNumber", "0", "CallDuration", null));

        assertThat(data.db.row("select direction, status, status_sequence, ended_at from calls where twilio_call_sid = ?",
                sid)).containsEntry("direction", "outbound").containsEntry("status", "ringing")
                .containsEntry("status_sequence", 1).containsEntry("ended_at", null);
    }

    @Test
    void unknownCallStatus_returns400AndWritesNothing() {
        APIGatewayV2HTTPResponse response = function.invoke(sample(VoiceSamples.STATUS, "CallStatus", "exploded"));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(response.getBody()).contains("CallStatus");
        assertThat(call()).containsEntry("status", "ringing").containsEntry("version", 1L);
    }

    @Test
    void badTimestamp_returns400() {
        APIGatewayV2HTTPResponse response = function.invoke(sample(VoiceSamples.STATUS, "Timestamp", "yesterday"));

        assertThat(response.getStatusCode()).isEqualTo(400);
        assertThat(call()).containsEntry("status", "ringing");
    }

    @Test
    void statusCallback_runsOneStatement() {
        long before = function.statementCount();

        accept(sample(VoiceSamples.STATUS));

        assertThat(function.statementCount() - before).isEqualTo(1);
    }

    private static APIGatewayV2HTTPEvent status(String status, int sequence, String timestamp) {
        return sample(VoiceSamples.STATUS, "CallStatus", status, "SequenceNumber", String.valueOf(sequence),
                "Timestamp", timestamp, "CallDuration", null);
    }

    private static void accept(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPResponse response = function.invoke(event);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(204);
    }

    private Map<String, Object> call() {
        return data.db.row("select status, status_sequence, duration_seconds, version from calls "
                + "where twilio_call_sid = ?", VoiceSamples.CALL_SID);
    }

    private Instant time(String column) {
        return ((Timestamp) data.db.row("select " + column + " as t from calls where twilio_call_sid = ?",
                VoiceSamples.CALL_SID).get("t")).toInstant();
    }
}
