package com.kin.bench;

import com.kin.local.lambda.FunctionEnvironment;
import java.util.HashMap;
import java.util.Map;

/**
 * The settings a benchmark's Micronaut context needs besides its own. The bench's class path holds every function module
 * (the scale bench drives them all), so any context started here also starts each function's eager configuration beans,
 * which refuse to start without their Twilio settings. No benchmarked request reaches Twilio.
 */
final class ClassPathSettings {

    private static final Map<String, Object> TWILIO = Map.of(
            "twilio.account-sid", FunctionEnvironment.LOCAL_TWILIO_ACCOUNT_SID,
            "twilio.auth-token", FunctionEnvironment.LOCAL_TWILIO_AUTH_TOKEN,
            "twilio.from-number", "+15005550006",
            "twilio.status-callback-url", "https://hooks.kin.example/sms/status",
            "twilio.voice-status-callback-url", "https://hooks.kin.example/voice/status");

    private ClassPathSettings() {
    }

    /** {@code settings} with the Twilio settings added (a key in {@code settings} wins). */
    static Map<String, Object> with(Map<String, Object> settings) {
        Map<String, Object> all = new HashMap<>(TWILIO);
        all.putAll(settings);
        return all;
    }
}
