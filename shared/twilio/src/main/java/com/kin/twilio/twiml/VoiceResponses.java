package com.kin.twilio.twiml;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Client;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Number;
import com.twilio.twiml.voice.Record;
import com.twilio.twiml.voice.Say;
import java.net.URI;
import java.util.List;

/**
 * TwiML building blocks for the voice functions, built with the SDK's TwiML classes. Which document a call gets (and the
 * TaskRouter {@code <Enqueue>}, whose task attributes need the route) is decided in functions/twilio-voice
 * ({@code VoiceTwiml}); click-to-call uses {@link #dialNumber}.
 */
public final class VoiceResponses {

    /** The range Twilio accepts for {@code <Dial timeout>}. */
    private static final int MIN_DIAL_TIMEOUT = 5;
    private static final int MAX_DIAL_TIMEOUT = 600;

    private VoiceResponses() {
    }

    /**
     * Rings every agent's browser/app client at once; the first to answer takes the call. When the dial ends Twilio
     * posts {@code DialCallStatus} to {@code action}.
     */
    public static String routeToAgents(List<String> clientIdentities, int timeoutSeconds, URI action) {
        if (clientIdentities.isEmpty()) {
            throw new IllegalArgumentException("voice - routeToAgents needs at least one client identity");
        }
        if (timeoutSeconds < MIN_DIAL_TIMEOUT || timeoutSeconds > MAX_DIAL_TIMEOUT) {
            throw new IllegalArgumentException("voice - dial timeout must be " + MIN_DIAL_TIMEOUT + ".." + MAX_DIAL_TIMEOUT
                    + " seconds, got " + timeoutSeconds);
        }
        Dial.Builder dial = new Dial.Builder().timeout(timeoutSeconds).action(action);
        clientIdentities.forEach(identity -> dial.client(new Client.Builder(identity).build()));
        return new VoiceResponse.Builder().dial(dial.build()).build().toXml();
    }

    /** Greets the caller and records a transcribed voicemail. */
    public static String voicemail(Voicemail voicemail) {
        return voicemailResponse(voicemail).toXml();
    }

    /** Ends the call: the answer to a ring that ended in a conversation. */
    public static String hangup() {
        return new VoiceResponse.Builder().hangup(new Hangup.Builder().build()).build().toXml();
    }

    /**
     * Connects the call, once answered, to {@code number}, showing {@code callerId} (a KIN number) to the person called:
     * the second half of a click-to-call, whose call first rang the agent.
     */
    public static String dialNumber(String number, String callerId) {
        Dial dial = new Dial.Builder().callerId(callerId).number(new Number.Builder(number).build()).build();
        return new VoiceResponse.Builder().dial(dial).build().toXml();
    }

    private static VoiceResponse voicemailResponse(Voicemail voicemail) {
        Record record = new Record.Builder()
                .maxLength(voicemail.maxLengthSeconds())
                .transcribe(true)
                .transcribeCallback(voicemail.transcribeCallback())
                .recordingStatusCallback(voicemail.recordingStatusCallback())
                .recordingStatusCallbackEvents(Record.RecordingEvent.COMPLETED)
                .build();
        return new VoiceResponse.Builder()
                .say(new Say.Builder(voicemail.greeting()).build())
                .record(record)
                .build();
    }
}
