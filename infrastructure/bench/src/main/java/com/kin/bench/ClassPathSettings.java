package com.kin.bench;

import com.kin.local.lambda.FunctionEnvironment;
import java.util.HashMap;
import java.util.Map;

/**
 * The settings a benchmark's Micronaut context needs besides its own. The bench's class path holds every function module
 * (the scale bench drives them all), so any context started here also starts each function's eager configuration beans,
 * which refuse to start without their Twilio settings. No benchmarked request reaches Twilio. The same values in the
 * two forms the benchmarks configure contexts with: Micronaut property names and the template's variable names.
 */
public final class ClassPathSettings {

    private static final String FROM_NUMBER = "+15005550006";
    private static final String SMS_STATUS_CALLBACK_URL = "https://hooks.kin.example/sms/status";
    private static final String VOICE_STATUS_CALLBACK_URL = "https://hooks.kin.example/voice/status";

    /** As template.yaml names them, with the local runtime's substitutions (no Secrets Manager, no Messaging Service). */
    public static final Map<String, Object> TWILIO_ENVIRONMENT = Map.of(
            "TWILIO_SECRET_ARN", "",
            "TWILIO_ACCOUNT_SID", FunctionEnvironment.LOCAL_TWILIO_ACCOUNT_SID,
            "TWILIO_AUTH_TOKEN", FunctionEnvironment.LOCAL_TWILIO_AUTH_TOKEN,
            "TWILIO_FROM_NUMBER", FROM_NUMBER,
            "TWILIO_MESSAGING_SERVICE_SID", "",
            "TWILIO_STATUS_CALLBACK_URL", SMS_STATUS_CALLBACK_URL,
            "TWILIO_VOICE_STATUS_CALLBACK_URL", VOICE_STATUS_CALLBACK_URL);

    private static final Map<String, Object> TWILIO_PROPERTIES = Map.of(
            "twilio.account-sid", FunctionEnvironment.LOCAL_TWILIO_ACCOUNT_SID,
            "twilio.auth-token", FunctionEnvironment.LOCAL_TWILIO_AUTH_TOKEN,
            "twilio.from-number", FROM_NUMBER,
            "twilio.status-callback-url", SMS_STATUS_CALLBACK_URL,
            "twilio.voice-status-callback-url", VOICE_STATUS_CALLBACK_URL);

    private ClassPathSettings() {
    }

    /** {@code settings} (Micronaut property names) with the Twilio settings added; a key in {@code settings} wins. */
    static Map<String, Object> with(Map<String, Object> settings) {
        Map<String, Object> all = new HashMap<>(TWILIO_PROPERTIES);
        all.putAll(settings);
        return all;
    }
}
