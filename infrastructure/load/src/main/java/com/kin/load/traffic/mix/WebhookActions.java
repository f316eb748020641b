package com.kin.load.traffic.mix;

import com.kin.load.traffic.RouteTemplate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Twilio's webhooks for the calls and messages around the users: inbound SMS and calls from known contacts to our
 * numbers, a call's final status callback, and the delivery callback of a message a user sent. Each is signed
 * (X-Twilio-Signature) exactly as Twilio signs, so it passes the functions' verification.
 */
final class WebhookActions {

    static final String SMS = Gateways.FUNCTION_URLS + "/TwilioMessagingFunction/sms";
    static final String SMS_STATUS = Gateways.FUNCTION_URLS + "/TwilioMessagingFunction/sms/status";
    static final String VOICE = Gateways.FUNCTION_URLS + "/TwilioVoiceFunction/voice";
    static final String VOICE_STATUS = Gateways.FUNCTION_URLS + "/TwilioVoiceFunction/voice/status";
    private static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    private static final String[] TEXTS = {
        "Hi, is my order ready for pickup?", "Running 10 minutes late, sorry", "Can you send me the invoice?",
        "Thanks, that works for me", "What are your opening hours tomorrow?"};

    static final Action INBOUND_SMS = Action.of("twilio.sms", "POST " + SMS, session -> Optional.of(inboundSms(session)));
    static final Action SMS_DELIVERED = Action.of("twilio.smsStatus", "POST " + SMS_STATUS,
            session -> session.known().sent.take(session.random()).map(sent -> smsStatus(session, sent)));
    static final Action INBOUND_CALL = Action.of("twilio.voice", "POST " + VOICE, session -> Optional.of(inboundCall(session)));
    static final Action CALL_COMPLETED = Action.of("twilio.voiceStatus", "POST " + VOICE_STATUS,
            session -> session.known().openCalls.take(session.random()).map(call -> callCompleted(session, call)));

    private WebhookActions() {
    }

    private static HttpCall inboundSms(Session session) {
        RandomGenerator random = session.random();
        String sid = sid("SM");
        Map<String, String> form = base();
        form.put("Body", TEXTS[random.nextInt(TEXTS.length)]);
        form.put("From", caller(session));
        form.put("MessageSid", sid);
        form.put("NumMedia", "0");
        form.put("SmsSid", sid);
        form.put("SmsStatus", "received");
        form.put("To", session.twilio().ourNumber(random));
        return post(session, SMS, form);
    }

    private static HttpCall smsStatus(Session session, Known.SentSms sent) {
        Map<String, String> form = base();
        form.put("From", sent.from());
        form.put("MessageSid", sent.messageSid());
        form.put("MessageStatus", "delivered");
        form.put("SmsSid", sent.messageSid());
        form.put("SmsStatus", "delivered");
        form.put("To", sent.to());
        return post(session, SMS_STATUS, form);
    }

    /** A caller rings one of our numbers; Twilio will post the call's final status later (CALL_COMPLETED). */
    private static HttpCall inboundCall(Session session) {
        RandomGenerator random = session.random();
        Known.OpenCall call = new Known.OpenCall(sid("CA"), caller(session), session.twilio().ourNumber(random));
        session.known().openCalls.put(call.callSid(), call);
        return post(session, VOICE, callForm(call, "ringing"));
    }

    private static HttpCall callCompleted(Session session, Known.OpenCall call) {
        Map<String, String> form = callForm(call, "completed");
        form.put("CallDuration", String.valueOf(5 + session.random().nextInt(600)));
        form.put("CallbackSource", "call-progress-events");
        form.put("SequenceNumber", "3");
        return post(session, VOICE_STATUS, form);
    }

    private static Map<String, String> callForm(Known.OpenCall call, String status) {
        Map<String, String> form = base();
        form.put("CallSid", call.callSid());
        form.put("CallStatus", status);
        form.put("Called", call.to());
        form.put("Caller", call.from());
        form.put("Direction", "inbound");
        form.put("From", call.from());
        form.put("To", call.to());
        return form;
    }

    /** A known contact, so that inbound traffic lands in threads; before any is known, a fictional 555 caller. */
    private static String caller(Session session) {
        return session.known().contactPhone(session.random())
                .orElseGet(() -> String.format(Locale.ROOT, "+1415555%04d", 100 + session.random().nextInt(100)));
    }

    private static Map<String, String> base() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", ACCOUNT_SID);
        form.put("ApiVersion", "2010-04-01");
        return form;
    }

    private static HttpCall post(Session session, String path, Map<String, String> form) {
        String token = sid("");
        return new HttpCall(RouteTemplate.of("POST " + path), path,
                session.twilio().headers(path, form, token), Twilio.formBody(form));
    }

    /**
     * A new SID on every run, unlike the seeded choices: the functions store one call or message per SID, so a SID of
     * an earlier run would be a duplicate delivery that writes nothing.
     */
    private static String sid(String prefix) {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }
}
