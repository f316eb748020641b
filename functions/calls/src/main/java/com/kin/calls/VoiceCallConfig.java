package com.kin.calls;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * How click-to-call ({@code POST /api/calls}) places calls, from the environment, checked at start ({@link Context}) so a
 * bad deployment stops at its cold start with the variable named:
 * <ul>
 *   <li>{@code TWILIO_FROM_NUMBER}: the KIN number (E.164) the call comes from, shown to the agent and, as the dial's
 *       caller ID, to the contact;</li>
 *   <li>{@code TWILIO_VOICE_STATUS_CALLBACK_URL}: where Twilio posts the call's progress (the voice webhook function's
 *       URL + {@code /voice/status}).</li>
 * </ul>
 */
@Context
@ConfigurationProperties("twilio")
record VoiceCallConfig(@Nullable String fromNumber, @Nullable String voiceStatusCallbackUrl) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    VoiceCallConfig {
        require(fromNumber != null && E164.matcher(fromNumber.strip()).matches(), "TWILIO_FROM_NUMBER",
                "must be the E.164 Twilio number calls come from, such as +15017122661, got '" + fromNumber + "'");
        require(voiceStatusCallbackUrl != null && isHttpUrl(voiceStatusCallbackUrl.strip()),
                "TWILIO_VOICE_STATUS_CALLBACK_URL", "must be the absolute http(s) URL of the voice webhook's /voice/status,"
                        + " got '" + voiceStatusCallbackUrl + "'");
    }

    String callerId() {
        return fromNumber.strip();
    }

    URI statusCallback() {
        return URI.create(voiceStatusCallbackUrl.strip());
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void require(boolean ok, String key, String problem) {
        if (!ok) {
            throw new IllegalStateException(key + " - " + problem);
        }
    }
}
