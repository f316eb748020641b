package com.kin.twilio.twiml;

import com.twilio.twiml.MessagingResponse;
import com.twilio.twiml.messaging.Message;

/** The TwiML documents the messaging webhook answers with (which keyword gets a reply: functions/twilio-messaging). */
public final class MessagingResponses {

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
}
