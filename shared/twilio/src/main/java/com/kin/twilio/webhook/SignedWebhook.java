package com.kin.twilio.webhook;

import com.kin.core.error.BadRequestError;
import io.micronaut.core.annotation.Nullable;
import java.util.Optional;

/**
 * A webhook request whose {@code X-Twilio-Signature} held: a controller method that takes one runs only after the check
 * ({@link SignedWebhookBinder}).
 *
 * @param params           the form parameters Twilio signed
 * @param publicBaseUrl    where Twilio reaches this function, without a trailing slash: {@code TWILIO_WEBHOOK_BASE_URL},
 *                         or the scheme and host of the request (the function URL); callbacks named in TwiML start here
 * @param idempotencyToken Twilio's {@code I-Twilio-Idempotency-Token}, the same on every retry of one delivery
 */
public record SignedWebhook(FormBody params, String publicBaseUrl, @Nullable String idempotencyToken) {

    /** A parameter's value; 400 naming it when it is missing or blank. */
    public String required(String name) {
        return optional(name).orElseThrow(() -> BadRequestError.field(name, "is required"));
    }

    /** A parameter's value; empty when it is missing or blank. */
    public Optional<String> optional(String name) {
        return params.first(name).map(String::trim).filter(value -> !value.isEmpty());
    }

    /** A parameter's whole-number value; empty when missing, 400 naming it when it is not a number. */
    public Optional<Integer> integer(String name) {
        Optional<String> value = optional(name);
        try {
            return value.map(Integer::valueOf);
        } catch (NumberFormatException e) {
            throw BadRequestError.field(name, "must be a whole number, got '" + value.get() + "'");
        }
    }

    /** The public URL of one of this function's routes, e.g. {@code callbackUrl("/voice/recording")}. */
    public String callbackUrl(String path) {
        return publicBaseUrl + path;
    }
}
