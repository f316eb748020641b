package com.kin.twiliomessaging;

import com.kin.testing.LambdaEvents;
import com.kin.twilio.webhook.SignedEvents;
import com.kin.twilio.webhook.SignedEvents.Delivery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The samples in {@code events/twilio-messaging/}: one delivery per webhook route, signed with the documented local
 * token for {@code https://kinmessaging.lambda-url.us-east-1.on.aws<path>}. {@link SampleEventsTest} holds the files to
 * this catalog; run it with {@code -Dkin.events.write=true} to write them again after changing it.
 */
final class MessagingSamples {

    static final String FOLDER = "twilio-messaging/";
    static final String HOST = "kinmessaging.lambda-url.us-east-1.on.aws";
    static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    static final String INBOUND_SID = "SM0000000000000000000000000000a001";
    static final String OUTBOUND_SID = "SM0000000000000000000000000000a002";
    static final String CUSTOMER = "+14155550100";
    static final String OUR_NUMBER = "+15550000100";
    static final String BODY = "Is my rocket order ready?";
    static final Instant TIME = Instant.parse("2026-11-24T06:10:00Z");

    static final String INBOUND_SMS = FOLDER + "inbound-sms.json";
    static final String STATUS = FOLDER + "status.json";

    private MessagingSamples() {
    }

    static Map<String, Delivery> all() {
        Map<String, Delivery> samples = new LinkedHashMap<>();
        samples.put(INBOUND_SMS, delivery("/sms", 1, inbound()));
        samples.put(STATUS, delivery("/sms/status", 2, status()));
        return samples;
    }

    static void write() {
        SignedEvents events = new SignedEvents(SignedEvents.LOCAL_AUTH_TOKEN);
        all().forEach((file, delivery) -> {
            try {
                Path path = LambdaEvents.eventsDir().resolve(file);
                Files.createDirectories(path.getParent());
                Files.writeString(path, events.json(delivery), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write sample " + file, e);
            }
        });
    }

    private static Delivery delivery(String path, int n, Map<String, String> params) {
        return new Delivery(HOST, path, "", params, "sample-twilio-messaging-" + n,
                "00000000-0000-4000-8000-0000000a000" + n, TIME.plusSeconds(n * 30L));
    }

    private static Map<String, String> inbound() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", ACCOUNT_SID);
        params.put("ApiVersion", "2010-04-01");
        params.put("Body", BODY);
        params.put("From", CUSTOMER);
        params.put("FromCountry", "US");
        params.put("MessageSid", INBOUND_SID);
        params.put("NumMedia", "0");
        params.put("NumSegments", "1");
        params.put("SmsMessageSid", INBOUND_SID);
        params.put("SmsSid", INBOUND_SID);
        params.put("SmsStatus", "received");
        params.put("To", OUR_NUMBER);
        params.put("ToCountry", "US");
        return params;
    }

    private static Map<String, String> status() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("AccountSid", ACCOUNT_SID);
        params.put("ApiVersion", "2010-04-01");
        params.put("From", OUR_NUMBER);
        params.put("MessageSid", OUTBOUND_SID);
        params.put("MessageStatus", "delivered");
        params.put("SmsSid", OUTBOUND_SID);
        params.put("SmsStatus", "delivered");
        params.put("To", CUSTOMER);
        return params;
    }
}
