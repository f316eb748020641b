package com.kin.twilio.rest;

import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.CallCreator;
import com.twilio.type.PhoneNumber;
import com.twilio.type.Twiml;
import java.net.URI;
import java.util.Objects;

/** What Twilio does once an outbound call connects: fetch TwiML from a URL, or run TwiML given inline. */
public sealed interface CallInstructions permits CallInstructions.TwimlUrl, CallInstructions.InlineTwiml {

    /** Twilio requests this URL for the call's TwiML when the call connects. */
    static CallInstructions url(URI twimlUrl) {
        return new TwimlUrl(twimlUrl);
    }

    /** Twilio runs this TwiML document when the call connects. */
    static CallInstructions twiml(String twimlXml) {
        return new InlineTwiml(twimlXml);
    }

    /** The SDK's creator for a call from {@code from} to {@code to} following these instructions. */
    CallCreator creator(PhoneNumber to, PhoneNumber from);

    record TwimlUrl(URI twimlUrl) implements CallInstructions {

        public TwimlUrl {
            Objects.requireNonNull(twimlUrl, "twimlUrl");
        }

        @Override
        public CallCreator creator(PhoneNumber to, PhoneNumber from) {
            return Call.creator(to, from, twimlUrl);
        }
    }

    record InlineTwiml(String twimlXml) implements CallInstructions {

        public InlineTwiml {
            Objects.requireNonNull(twimlXml, "twimlXml");
        }

        @Override
        public CallCreator creator(PhoneNumber to, PhoneNumber from) {
            return Call.creator(to, from, new Twiml(twimlXml));
        }
    }
}
