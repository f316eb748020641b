package com.kin.twiliomessaging;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;

/**
 * How inbound SMS are handled, from the environment; checked at cold start, failing with the variable's name.
 *
 * @param fallbackDepartment {@code TWILIO_FALLBACK_DEPARTMENT}: whose agents own a contact created for an unknown sender
 *                           when the number written to is not one of ours
 * @param smsHelpReply       {@code TWILIO_SMS_HELP_REPLY}: the answer to HELP/INFO; unset, KIN sends none (Twilio's own
 *                           opt-out handling answers the keywords on most numbers, and two answers confuse people)
 */
@Context
@ConfigurationProperties("twilio")
public record MessagingConfig(@Nullable String fallbackDepartment, @Nullable String smsHelpReply) {

    /** Twilio's limit for one message body. */
    static final int MAX_BODY = 1600;

    public MessagingConfig {
        fallbackDepartment = blankToNull(fallbackDepartment);
        smsHelpReply = blankToNull(smsHelpReply);
        if (fallbackDepartment != null && fallbackDepartment.length() > 100) {
            throw new IllegalStateException("TWILIO_FALLBACK_DEPARTMENT - must be at most 100 characters (a department name)");
        }
        if (smsHelpReply != null && smsHelpReply.length() > MAX_BODY) {
            throw new IllegalStateException("TWILIO_SMS_HELP_REPLY - must be at most " + MAX_BODY + " characters, got "
                    + smsHelpReply.length());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
