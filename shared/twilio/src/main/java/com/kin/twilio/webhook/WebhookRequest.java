package com.kin.twilio.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.core.annotation.Nullable;
import java.util.Map;

/**
 * What a signature check needs from a webhook request: where it was sent, the signature header and the raw body.
 *
 * @param scheme         the scheme the caller used ({@code x-forwarded-proto}; function URLs are https only)
 * @param host           the {@code host} header: the function URL's domain, or a custom domain in front of it
 * @param rawPath        the path exactly as sent, still percent-encoded
 * @param rawQueryString the query exactly as sent, without {@code ?}; empty when there was none
 * @param signature      the {@code X-Twilio-Signature} header, or null when absent
 * @param body           the body as the event carries it
 * @param base64Encoded  whether {@code body} is base64 of the real body
 */
public record WebhookRequest(String scheme, String host, String rawPath, String rawQueryString,
                             @Nullable String signature, @Nullable String body, boolean base64Encoded) {

    private static final String DEFAULT_SCHEME = "https";

    /** Reads a payload-2.0 (function URL or HTTP API) event; header names are matched case-insensitively. */
    public static WebhookRequest from(APIGatewayV2HTTPEvent event) {
        Map<String, String> headers = event.getHeaders() == null ? Map.of() : event.getHeaders();
        String host = header(headers, "host");
        if (host == null && event.getRequestContext() != null) {
            host = event.getRequestContext().getDomainName();
        }
        String scheme = header(headers, "x-forwarded-proto");
        return new WebhookRequest(
                scheme == null ? DEFAULT_SCHEME : scheme,
                host == null ? "" : host,
                event.getRawPath() == null ? "/" : event.getRawPath(),
                event.getRawQueryString() == null ? "" : event.getRawQueryString(),
                header(headers, TwilioSignatureVerifier.SIGNATURE_HEADER),
                event.getBody(),
                event.getIsBase64Encoded());
    }

    private static String header(Map<String, String> headers, String name) {
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey() != null && header.getKey().equalsIgnoreCase(name)) {
                return header.getValue();
            }
        }
        return null;
    }
}
