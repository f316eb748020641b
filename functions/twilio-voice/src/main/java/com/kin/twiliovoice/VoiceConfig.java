package com.kin.twiliovoice;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.regex.Pattern;

/**
 * How inbound calls are answered, from the environment; checked at cold start, failing with the variable's name.
 *
 * @param workflowSid         {@code TWILIO_WORKFLOW_SID}: a TaskRouter workflow ({@code WW...}); when set, calls are
 *                            enqueued to it instead of dialled to agents' clients
 * @param fallbackDepartment  {@code TWILIO_FALLBACK_DEPARTMENT}: where an unknown caller on an unknown number goes;
 *                            unset, such a call goes to voicemail straight away
 * @param dialTimeoutSeconds  {@code TWILIO_DIAL_TIMEOUT_SECONDS}: how long agents' clients ring (5..600, default 20)
 * @param queueTimeoutSeconds {@code TWILIO_QUEUE_TIMEOUT_SECONDS}: how long a TaskRouter task waits for a worker
 *                            before the caller is offered voicemail (10..3600, default 60)
 * @param voicemailGreeting   {@code TWILIO_VOICEMAIL_GREETING}: what the caller hears before the tone
 * @param voicemailMaxSeconds {@code TWILIO_VOICEMAIL_MAX_SECONDS}: longest voicemail (1..120, Twilio's limit for
 *                            transcription; default 120)
 */
@Context
@ConfigurationProperties("twilio")
public record VoiceConfig(
        @Nullable String workflowSid,
        @Nullable String fallbackDepartment,
        @Bindable(defaultValue = "20") int dialTimeoutSeconds,
        @Bindable(defaultValue = "60") int queueTimeoutSeconds,
        @Bindable(defaultValue = "Sorry, no one can take your call right now. Please leave a message after the tone.")
        String voicemailGreeting,
        @Bindable(defaultValue = "120") int voicemailMaxSeconds) {

    private static final Pattern WORKFLOW_SID = Pattern.compile("^WW[0-9a-f]{32}$");

    public VoiceConfig {
        workflowSid = blankToNull(workflowSid);
        fallbackDepartment = blankToNull(fallbackDepartment);
        require(workflowSid == null || WORKFLOW_SID.matcher(workflowSid).matches(), "TWILIO_WORKFLOW_SID",
                "must be WW followed by 32 lowercase hex digits, got '" + workflowSid + "'");
        require(fallbackDepartment == null || fallbackDepartment.length() <= 100, "TWILIO_FALLBACK_DEPARTMENT",
                "must be at most 100 characters (a department name)");
        require(dialTimeoutSeconds >= 5 && dialTimeoutSeconds <= 600, "TWILIO_DIAL_TIMEOUT_SECONDS",
                "must be 5..600 seconds (Twilio's range for <Dial timeout>), got " + dialTimeoutSeconds);
        require(queueTimeoutSeconds >= 10 && queueTimeoutSeconds <= 3600, "TWILIO_QUEUE_TIMEOUT_SECONDS",
                "must be 10..3600 seconds, got " + queueTimeoutSeconds);
        require(voicemailGreeting != null && !voicemailGreeting.isBlank() && voicemailGreeting.length() <= 1000,
                "TWILIO_VOICEMAIL_GREETING", "must be 1..1000 characters of text to say");
        require(voicemailMaxSeconds >= 1 && voicemailMaxSeconds <= 120, "TWILIO_VOICEMAIL_MAX_SECONDS",
                "must be 1..120 seconds (Twilio transcribes no longer recordings), got " + voicemailMaxSeconds);
    }

    public boolean usesTaskRouter() {
        return workflowSid != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static void require(boolean ok, String key, String problem) {
        if (!ok) {
            throw new IllegalStateException(key + " - " + problem);
        }
    }
}
