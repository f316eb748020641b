package com.kin.twiliomessaging;

import io.micronaut.core.annotation.Nullable;
import java.util.Locale;
import java.util.Set;

/**
 * The carrier keywords an inbound SMS may be, as Twilio recognises them: the whole message, trimmed, in any case. When
 * Twilio's Advanced Opt-Out is on it also says which kind a message was ({@code OptOutType}), which then decides.
 */
enum SmsKeyword {
    OPT_OUT, OPT_IN, HELP, NONE;

    private static final Set<String> STOP_WORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
    private static final Set<String> START_WORDS = Set.of("START", "YES", "UNSTOP");
    private static final Set<String> HELP_WORDS = Set.of("HELP", "INFO");

    static SmsKeyword of(String body, @Nullable String optOutType) {
        if (optOutType != null && !optOutType.isBlank()) {
            return switch (optOutType.trim().toUpperCase(Locale.ROOT)) {
                case "STOP" -> OPT_OUT;
                case "START" -> OPT_IN;
                case "HELP" -> HELP;
                default -> ofBody(body);
            };
        }
        return ofBody(body);
    }

    private static SmsKeyword ofBody(String body) {
        String word = body == null ? "" : body.trim().toUpperCase(Locale.ROOT);
        if (STOP_WORDS.contains(word)) {
            return OPT_OUT;
        }
        if (START_WORDS.contains(word)) {
            return OPT_IN;
        }
        return HELP_WORDS.contains(word) ? HELP : NONE;
    }

    boolean changesOptOut() {
        return this == OPT_OUT || this == OPT_IN;
    }
}
