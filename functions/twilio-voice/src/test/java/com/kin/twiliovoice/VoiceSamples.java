package com.kin.twiliovoice;

import com.kin.testing.LambdaEvents;
import com.kin.twilio.webhook.SignedEvents;
import com.kin.twilio.webhook.SignedEvents.Delivery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The samples in {@code events/twilio-voice/}: one delivery per webhook route, signed with the documented local token
 * for {@code https://kinvoice.lambda-url.us-east-1.on.aws<path>}. {@link SampleEventsTest} holds the files to this
 * catalog; run it with {@code -Dkin.events.write=true} to write them again after changing it.
 */
final class VoiceSamples {

    static final String FOLDER = "twilio-voice/";
    static final String HOST = "kinvoice.lambda-url.us-east-1.on.aws";
    static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    static final String CALL_SID = "CA0000000000000000000000000000c001";
    static final String DIAL_CALL_SID = "CA0000000000000000000000000000c002";
    static final String RECORDING_SID = "RE0000000000000000000000000000c001";
    static final String TRANSCRIPTION_SID = "TR0000000000000000000000000000c001";
    static final String CALLER = "+14155550100";
    static final String OUR_NUMBER = "+15550000100";
    static final String RECORDING_URL = "https://api.twilio.com/2010-04-01/Accounts/" + ACCOUNT_SID + "/Recordings/"
            + RECORDING_SID;
    static final Instant TIME = Instant.parse("2026-11-24T06:00:00Z");

    static final String INBOUND_CALL = FOLDER + "inbound-call.json";
    static final String DIAL_COMPLETE = FOLDER + "dial-complete.json";
    static final String STATUS = FOLDER + "status.json";
    static final String RECORDING = FOLDER + "recording.json";
    static final String TRANSCRIPTION = FOLDER + "transcription.json";

    private VoiceSamples() {
    }

    /** Every sample by its file under {@code events/}. */
    static Map<String, Delivery> all() {
        Map<String, Delivery> samples = new LinkedHashMap<>();
        samples.put(INBOUND_CALL, delivery("/voice", "", 1, call("ringing")));
        Map<String, String> dial = call("in-progress");
        dial.put("DialCallSid", DIAL_CALL_SID);
        dial.put("DialCallStatus", "no-answer");
        dial.put("DialCallDuration", "0");
        samples.put(DIAL_COMPLETE, delivery("/voice/dial-complete", "stage=owner", 2, dial));
        Map<String, String> status = call("completed");
        status.put("CallDuration", "42");
        status.put("CallbackSource", "call-progress-events");
        status.put("SequenceNumber", "3");
        status.put("Timestamp", "Tue, 24 Nov 2026 06:01:30 +0000");
        samples.put(STATUS, delivery("/voice/status", "", 3, status));
        samples.put(RECORDING, delivery("/voice/recording", "", 4, recording()));
        samples.put(TRANSCRIPTION, delivery("/voice/transcription", "", 5, transcription()));
        return samples;
    }

    /** Writes every sample file from the catalog. */
    static void write() {
        SignedEvents events = new SignedEvents(SignedEvents.LOCAL_AUTH_TOKEN);
        all().forEach((file, delivery) -> {
            try {
                Path path = LambdaEvents.eventsDir().resolve(file);
                Files.createDirectories(path.getParent());
                Files.writeString(path, events.json(delivery), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write sample " + file, e);
            }
        });
    }

    private static Delivery delivery(String path, String query, int n, Map<String, String> params) {
        return new Delivery(HOST, path, query, params, "sample-twilio-voice-" + n,
                "00000000-0000-4000-8000-0000000c000" + n, TIME.plusSeconds(n * 30L));
    }

    private static Map<String, String> call(String status) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", ACCOUNT_SID);
        params.put("ApiVersion", "2010-04-01");
        params.put("CallSid", CALL_SID);
        params.put("CallStatus", status);
        params.put("Called", OUR_NUMBER);
        params.put("Caller", CALLER);
        params.put("Direction", "inbound");
        params.put("From", CALLER);
        params.put("To", OUR_NUMBER);
        return params;
    }

    private static Map<String, String> recording() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", ACCOUNT_SID);
        params.put("CallSid", CALL_SID);
        params.put("RecordingChannels", "1");
        params.put("RecordingDuration", "17");
        params.put("RecordingSid", RECORDING_SID);
        params.put("RecordingSource", "RecordVerb");
        params.put("RecordingStartTime", "Tue, 24 Nov 2026 06:01:05 +0000");
        params.put("RecordingStatus", "completed");
        params.put("RecordingUrl", RECORDING_URL);
        return params;
    }

    private static Map<String, String> transcription() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", ACCOUNT_SID);
        params.put("ApiVersion", "2010-04-01");
        params.put("CallSid", CALL_SID);
        params.put("CallStatus", "completed");
        params.put("Called", OUR_NUMBER);
        params.put("Caller", CALLER);
        params.put("Direction", "inbound");
        params.put("From", CALLER);
        params.put("RecordingSid", RECORDING_SID);
        params.put("RecordingUrl", RECORDING_URL);
        params.put("To", OUR_NUMBER);
        params.put("TranscriptionSid", TRANSCRIPTION_SID);
        params.put("TranscriptionStatus", "completed");
        params.put("TranscriptionText", "Hi, this is Wile from Acme. Please call me back about the rocket order.");
        params.put("TranscriptionType", "fast");
        params.put("TranscriptionUrl", "https://api.twilio.com/2010-04-01/Accounts/" + ACCOUNT_SID
                + "/Recordings/" + RECORDING_SID + "/Transcriptions/" + TRANSCRIPTION_SID);
        params.put("url", "https://" + HOST + "/voice/transcription");
        return params;
    }
}
