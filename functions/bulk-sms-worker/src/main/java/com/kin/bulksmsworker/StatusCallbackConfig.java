package com.kin.bulksmsworker;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * {@code TWILIO_STATUS_CALLBACK_URL}: where Twilio posts the delivery status of each SMS the worker sends (the messaging
 * webhook function's URL). Unset, Twilio reports nothing and messages keep the status Twilio first answered with.
 */
@Context
@ConfigurationProperties("twilio.status-callback")
public record StatusCallbackConfig(@Nullable String url) {

    public StatusCallbackConfig {
        if (url != null && !url.isBlank() && parse(url).isEmpty()) {
            throw new IllegalStateException("TWILIO_STATUS_CALLBACK_URL - must be an absolute http(s) URL, got '" + url
                    + "'");
        }
    }

    /** The callback to give Twilio with each message, if one is configured. */
    Optional<URI> uri() {
        return url == null || url.isBlank() ? Optional.empty() : parse(url);
    }

    private static Optional<URI> parse(String value) {
        try {
            URI uri = new URI(value.trim());
            boolean http = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
            return http && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
