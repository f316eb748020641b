package com.kin.twilio.twiml;

import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.messaging.Message;
import java.util.Locale;

/** The TwiML documents the messaging webhook answers with. */
public final class MessagingResponses {

    private static final String HELP_KEYWORD = "HELP";

    private MessagingResponses() {
    }

    /** Acknowledges an inbound message without replying. */
    public static String empty() {
        return new MessagingResponse.Builder().build().toXml();
    }

    /** Replies to the sender with {@code text}. */
    public static String reply(String text) {
        Message message = new Message.Builder(text).build();
        return new MessagingResponse.Builder().message(message).build().toXml();
    }

    /** Replies with {@code helpText} when the inbound body is the HELP keyword, otherwise answers with no reply. */
    public static String forInbound(String inboundBody, String helpText) {
        return isHelp(inboundBody) ? reply(helpText) : empty();
    }

    /** Whether an inbound body is the HELP keyword (carriers expect it matched case-insensitively, trimmed). */
    public static boolean isHelp(String inboundBody) {
        return inboundBody != null && inboundBody.trim().toUpperCase(Locale.ROOT).equals(HELP_KEYWORD);
    }
}
