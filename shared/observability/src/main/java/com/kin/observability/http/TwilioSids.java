package com.kin.observability.http;

import io.micronaut.http.uri.QueryStringDecoder;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Finds the CallSid or MessageSid in a Twilio webhook's form body, the id Twilio's own console shows. */
final class TwilioSids {

    /** In the order that names the conversation best: a call, then a message (SmsSid is MessageSid's old name). */
    private static final List<String> SID_FIELDS = List.of("CallSid", "MessageSid", "SmsSid");
    /** CA (call), MM/SM (message) followed by 32 hex digits; anything else is not trusted into a log field. */
    private static final Pattern SID = Pattern.compile("(CA|MM|SM)\\p{XDigit}{32}");
    /** Twilio's webhook bodies are a few KB; a larger form is not one, and is not worth decoding here. */
    static final int MAX_FORM_LENGTH = 32 * 1024;

    private TwilioSids() {
    }

    static Optional<String> fromForm(String formBody) {
        if (formBody == null || formBody.isEmpty() || formBody.length() > MAX_FORM_LENGTH) {
            return Optional.empty();
        }
        var fields = new QueryStringDecoder(formBody, false).parameters();
        return SID_FIELDS.stream()
                .map(fields::get)
                .filter(values -> values != null && !values.isEmpty())
                .map(values -> values.get(0))
                .filter(value -> SID.matcher(value).matches())
                .findFirst();
    }
}
