package com.kin.twilio.twiml;

import java.net.URI;
import java.util.Objects;

/**
 * How a caller leaves a voicemail: a greeting, then a recording of at most {@code maxLengthSeconds}, transcribed; Twilio
 * posts the transcription to {@code transcribeCallback} and the finished recording to {@code recordingStatusCallback}.
 */
public record Voicemail(String greeting, int maxLengthSeconds, URI transcribeCallback, URI recordingStatusCallback) {

    /** Twilio's own ceiling for a transcribed recording is 120 seconds. */
    static final int MAX_TRANSCRIBED_SECONDS = 120;

    public Voicemail {
        Objects.requireNonNull(greeting, "greeting");
        Objects.requireNonNull(transcribeCallback, "transcribeCallback");
        Objects.requireNonNull(recordingStatusCallback, "recordingStatusCallback");
        if (maxLengthSeconds < 1 || maxLengthSeconds > MAX_TRANSCRIBED_SECONDS) {
            throw new IllegalArgumentException("voicemail - maxLengthSeconds must be 1.." + MAX_TRANSCRIBED_SECONDS
                    + " (Twilio transcribes no longer recordings), got " + maxLengthSeconds);
        }
    }
}
