package com.kin.local.services.twilio;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The create requests the functions send (Messages.json, Calls.json), read and checked as Twilio checks them: required
 * parameters first, then number formats, then the test account's magic numbers ({@link MagicNumbers}).
 */
final class TwilioRequests {

    /** Twilio's limit on a message body, all segments together. */
    static final int MAX_BODY_CHARS = 1600;
    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{1,14}$");
    /** An alphanumeric sender ID: up to 11 letters, digits and spaces, at least one letter. */
    private static final Pattern ALPHANUMERIC_SENDER = Pattern.compile("^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$");
    /** Besides a number, a call may ring a Voice SDK client (click-to-call via "client") or a SIP address. */
    private static final Pattern CALL_ENDPOINT = Pattern.compile("^(client:[A-Za-z0-9_.@-]{1,121}|sip:\\S+)$");
    /** The progress events a call's status callback may ask for; the SDK sends them as repeated parameters. */
    static final List<String> CALL_EVENTS = List.of("initiated", "ringing", "answered", "completed");

    record MessageRequest(String to, String from, String messagingServiceSid, String body, List<String> mediaUrls,
                          URI statusCallback) {
    }

    record CallRequest(String to, String from, URI statusCallback, List<String> statusCallbackEvents) {
    }

    private TwilioRequests() {
    }

    static MessageRequest message(FormFields form) {
        String to = form.first("To").orElseThrow(() -> reject(21604, "A 'To' phone number is required."));
        String from = form.first("From").orElse(null);
        String service = form.first("MessagingServiceSid").orElse(null);
        if (from == null && service == null) {
            throw reject(21603, "A 'From' phone number is required.");
        }
        String body = form.first("Body").orElse("");
        List<String> media = form.all("MediaUrl");
        if (body.isEmpty() && media.isEmpty()) {
            throw reject(21602, "Message body is required.");
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw reject(21617, "The concatenated message body exceeds the " + MAX_BODY_CHARS + " character limit.");
        }
        requireNumber(to, 21211, "To");
        if (from != null && !E164.matcher(from).matches() && !ALPHANUMERIC_SENDER.matcher(from).matches()) {
            throw reject(21212, "The 'From' number " + from + " is not a valid phone number, shortcode, or alphanumeric"
                    + " sender ID.");
        }
        if (service != null && !TwilioSids.isSid("MG", service)) {
            throw reject(21701, "The Messaging Service Sid " + service + " is invalid.");
        }
        URI callback = callback(form);
        MagicNumbers.forMessage(to, from).ifPresent(error -> {
            throw new TwilioRejection(error);
        });
        return new MessageRequest(to, from, service, body, media, callback);
    }

    static CallRequest call(FormFields form) {
        String to = form.first("To").orElseThrow(() -> reject(21201, "No 'To' number is specified"));
        String from = form.first("From").orElseThrow(() -> reject(21213, "No 'From' number is specified"));
        if (form.first("Url").isEmpty() && form.first("Twiml").isEmpty() && form.first("ApplicationSid").isEmpty()) {
            throw reject(21205, "Url parameter is required. Provide Url, Twiml or ApplicationSid.");
        }
        form.first("Url").ifPresent(url -> httpUrl(url, 21205, "Url"));
        if (!CALL_ENDPOINT.matcher(to).matches()) {
            requireNumber(to, 21211, "To");
        }
        requireNumber(from, 21212, "From");
        URI callback = callback(form);
        List<String> events = form.all("StatusCallbackEvent").stream()
                .flatMap(value -> List.of(value.trim().split("\\s+")).stream()).toList();
        for (String event : events) {
            if (!CALL_EVENTS.contains(event)) {
                throw reject(21626, "Invalid StatusCallbackEvent '" + event + "'; expected any of " + CALL_EVENTS);
            }
        }
        MagicNumbers.forCall(to, from).ifPresent(error -> {
            throw new TwilioRejection(error);
        });
        // Without a list, Twilio reports only the end of the call.
        return new CallRequest(to, from, callback, events.isEmpty() ? List.of("completed") : events);
    }

    private static URI callback(FormFields form) {
        return form.first("StatusCallback").map(url -> httpUrl(url, 21609, "StatusCallback")).orElse(null);
    }

    private static void requireNumber(String number, int code, String name) {
        if (!E164.matcher(number).matches()) {
            throw reject(code, "The '" + name + "' number " + number + " is not a valid phone number.");
        }
    }

    private static URI httpUrl(String value, int code, String name) {
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // Answered below like any other malformed URL.
        }
        throw reject(code, "Invalid '" + name + "': " + value);
    }

    private static TwilioRejection reject(int code, String message) {
        return new TwilioRejection(TwilioError.badRequest(code, message));
    }
}
