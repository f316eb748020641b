package com.kin.messages;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * How {@code POST /api/messages} sends, from the environment, checked at start ({@link Context}) so a bad deployment stops
 * at its cold start with the variable named:
 * <ul>
 *   <li>{@code TWILIO_FROM_NUMBER} (E.164) or {@code TWILIO_MESSAGING_SERVICE_SID} ({@code MG} + 32 hex), exactly one:
 *       where texts come from;</li>
 *   <li>{@code TWILIO_STATUS_CALLBACK_URL}: where Twilio posts each message's delivery status (the messaging webhook
 *       function's URL + {@code /sms/status}); without it messages would stay queued forever.</li>
 * </ul>
 */
@Context
@ConfigurationProperties("twilio")
record SmsSendConfig(@Nullable String fromNumber, @Nullable String messagingServiceSid,
                     @Nullable String statusCallbackUrl) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern MESSAGING_SERVICE_SID = Pattern.compile("MG[0-9a-f]{32}");

    SmsSendConfig {
        boolean hasNumber = isSet(fromNumber);
        boolean hasService = isSet(messagingServiceSid);
        require(hasNumber || hasService, "TWILIO_FROM_NUMBER",
                "is not set, nor is TWILIO_MESSAGING_SERVICE_SID; set one to say where texts come from");
        require(!(hasNumber && hasService), "TWILIO_FROM_NUMBER",
                "and TWILIO_MESSAGING_SERVICE_SID are both set; set only one, so it is clear which sender is live");
        require(!hasNumber || E164.matcher(fromNumber.strip()).matches(), "TWILIO_FROM_NUMBER",
                "must be an E.164 number such as +15017122661, got '" + fromNumber + "'");
        require(!hasService || MESSAGING_SERVICE_SID.matcher(messagingServiceSid.strip()).matches(),
                "TWILIO_MESSAGING_SERVICE_SID", "must be MG followed by 32 lowercase hex digits, got '"
                        + messagingServiceSid + "'");
        require(isSet(statusCallbackUrl) && isHttpUrl(statusCallbackUrl.strip()), "TWILIO_STATUS_CALLBACK_URL",
                "must be the absolute http(s) URL of the messaging webhook's /sms/status, got '" + statusCallbackUrl + "'");
    }

    /** The E.164 number or Messaging Service SID texts are sent from. */
    String sender() {
        return isSet(fromNumber) ? fromNumber.strip() : messagingServiceSid.strip();
    }

    URI statusCallback() {
        return URI.create(statusCallbackUrl.strip());
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    private static void require(boolean ok, String key, String problem) {
        if (!ok) {
            throw new IllegalStateException(key + " - " + problem);
        }
    }
}
