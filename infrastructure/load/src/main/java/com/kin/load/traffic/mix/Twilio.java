package com.kin.load.traffic.mix;

import com.kin.twilio.webhook.SignedEvents;
import com.kin.twilio.webhook.TwilioSigner;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Twilio's side of the traffic: our numbers callers dial, and webhooks signed as Twilio signs them, with the documented
 * local auth token, over exactly the URL posted to (the local functions check their TWILIO_WEBHOOK_BASE_URL, the
 * gateway's {@code /fn/<Function>}, plus the path).
 */
public final class Twilio {

    private final URI gateway;
    private final List<String> ourNumbers;
    private final TwilioSigner signer = new TwilioSigner(SignedEvents.LOCAL_AUTH_TOKEN);

    public Twilio(URI gateway, List<String> ourNumbers) {
        if (ourNumbers.isEmpty()) {
            throw new IllegalArgumentException("twilio - at least one of our phone numbers is needed for inbound traffic");
        }
        this.gateway = gateway;
        this.ourNumbers = List.copyOf(ourNumbers);
    }

    String ourNumber(RandomGenerator random) {
        return ourNumbers.get(random.nextInt(ourNumbers.size()));
    }

    /** The headers of a webhook to {@code path} (from the gateway's root) carrying this form. */
    Map<String, String> headers(String path, Map<String, String> form, String idempotencyToken) {
        String url = gateway.toString().replaceAll("/+$", "") + path;
        return Map.of("content-type", "application/x-www-form-urlencoded",
                "x-twilio-signature", signer.sign(url, form),
                "i-twilio-idempotency-token", idempotencyToken);
    }

    static String formBody(Map<String, String> form) {
        return SignedEvents.formEncode(form);
    }
}
