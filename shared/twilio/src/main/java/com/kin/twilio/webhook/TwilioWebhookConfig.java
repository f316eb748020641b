package com.kin.twilio.webhook;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * The public address Twilio is configured to call, when it is not the function URL itself:
 * {@code TWILIO_WEBHOOK_BASE_URL}, e.g. {@code https://hooks.kin.example/twilio} for a custom domain. When set, it replaces
 * the scheme, host (and path prefix) of the URL a signature is checked against; the request's own path and query follow.
 */
@ConfigurationProperties("twilio.webhook")
public record TwilioWebhookConfig(@Nullable String baseUrl) {

    /** Fails with a message naming the variable when the base URL is not an absolute http(s) URL without query. */
    public TwilioWebhookConfig validated() {
        if (baseUrl == null || baseUrl.isBlank()) {
            return new TwilioWebhookConfig(null);
        }
        URI uri;
        try {
            uri = new URI(baseUrl.trim());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("TWILIO_WEBHOOK_BASE_URL - is not a URL: '" + baseUrl + "'", e);
        }
        boolean http = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
        if (!http || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalStateException("TWILIO_WEBHOOK_BASE_URL - must be scheme://host[:port][/prefix] with no query,"
                    + " got '" + baseUrl + "'");
        }
        String normalized = uri.toString();
        return new TwilioWebhookConfig(normalized.endsWith("/") ? normalized.substring(0, normalized.length() - 1)
                : normalized);
    }
}
