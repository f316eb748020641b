package com.kin.local.services.twilio;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON Twilio answers its creates and fetches with, field names and formats as the SDK's Message, Call and Account
 * classes parse them (dates in RFC 2822, numbers as strings where Twilio sends strings).
 */
final class TwilioResources {

    static final String API_VERSION = "2010-04-01";
    /** RFC 2822 as Twilio writes it: {@code Thu, 15 Jan 2026 10:00:00 +0000}; RFC 1123 parsers read it too. */
    static final DateTimeFormatter RFC_2822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);
    /** Twilio splits a GSM-7 body into segments of 153 characters once it is longer than one SMS (160). */
    private static final int SINGLE_SEGMENT = 160;
    private static final int CONCATENATED_SEGMENT = 153;

    private TwilioResources() {
    }

    static String accountPath(String accountSid) {
        return "/" + API_VERSION + "/Accounts/" + accountSid;
    }

    static Map<String, Object> message(String accountSid, String sid, TwilioRequests.MessageRequest request,
                                       String status, Instant now) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("account_sid", accountSid);
        json.put("api_version", API_VERSION);
        json.put("body", request.body());
        json.put("date_created", RFC_2822.format(now));
        json.put("date_sent", null);
        json.put("date_updated", RFC_2822.format(now));
        json.put("direction", "outbound-api");
        json.put("error_code", null);
        json.put("error_message", null);
        json.put("from", request.from());
        json.put("messaging_service_sid", request.messagingServiceSid());
        json.put("num_media", String.valueOf(request.mediaUrls().size()));
        json.put("num_segments", String.valueOf(segments(request.body())));
        json.put("price", null);
        json.put("price_unit", "USD");
        json.put("sid", sid);
        json.put("status", status);
        String uri = accountPath(accountSid) + "/Messages/" + sid;
        json.put("subresource_uris", Map.of("media", uri + "/Media.json"));
        json.put("to", request.to());
        json.put("uri", uri + ".json");
        return json;
    }

    static Map<String, Object> call(String accountSid, String sid, TwilioRequests.CallRequest request, Instant now) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("account_sid", accountSid);
        json.put("annotation", null);
        json.put("answered_by", null);
        json.put("api_version", API_VERSION);
        json.put("caller_name", null);
        json.put("date_created", RFC_2822.format(now));
        json.put("date_updated", RFC_2822.format(now));
        json.put("direction", "outbound-api");
        json.put("duration", null);
        json.put("end_time", null);
        json.put("forwarded_from", null);
        json.put("from", request.from());
        json.put("from_formatted", request.from());
        json.put("group_sid", null);
        json.put("parent_call_sid", null);
        json.put("phone_number_sid", null);
        json.put("price", null);
        json.put("price_unit", "USD");
        json.put("queue_time", "0");
        json.put("sid", sid);
        json.put("start_time", null);
        json.put("status", "queued");
        String uri = accountPath(accountSid) + "/Calls/" + sid;
        json.put("subresource_uris", Map.of("notifications", uri + "/Notifications.json",
                "recordings", uri + "/Recordings.json"));
        json.put("to", request.to());
        json.put("to_formatted", request.to());
        json.put("trunk_sid", null);
        json.put("uri", uri + ".json");
        return json;
    }

    static Map<String, Object> account(String accountSid, Instant created, Instant now) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date_created", RFC_2822.format(created));
        json.put("date_updated", RFC_2822.format(now));
        json.put("friendly_name", "KIN local");
        json.put("owner_account_sid", accountSid);
        json.put("sid", accountSid);
        json.put("status", "active");
        String uri = accountPath(accountSid);
        json.put("subresource_uris", Map.of("calls", uri + "/Calls.json", "messages", uri + "/Messages.json"));
        json.put("type", "Full");
        json.put("uri", uri + ".json");
        return json;
    }

    /** How many SMS segments Twilio bills a GSM-7 body as (media-only messages count one). */
    static int segments(String body) {
        int length = body.length();
        return length <= SINGLE_SEGMENT ? 1 : (length + CONCATENATED_SEGMENT - 1) / CONCATENATED_SEGMENT;
    }
}
