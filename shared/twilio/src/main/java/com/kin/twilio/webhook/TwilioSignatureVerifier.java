package com.kin.twilio.webhook;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.kin.core.error.BadRequestError;
import com.kin.core.error.ForbiddenError;
import com.kin.twilio.credentials.TwilioCredentials;
import com.twilio.security.RequestValidator;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks that a webhook really comes from Twilio: the {@code X-Twilio-Signature} must be the HMAC Twilio computes over
 * the URL it called and the form parameters, keyed with the account's auth token (the SDK's {@link RequestValidator}).
 * A request that fails the check gets a 403 and nothing of it is used. With a public base URL for a custom domain, a
 * signature over the URL the request reached (the function URL) is accepted too ({@link #signedUrls}).
 */
@Singleton
public final class TwilioSignatureVerifier {

    public static final String SIGNATURE_HEADER = "X-Twilio-Signature";

    private static final Logger LOG = LoggerFactory.getLogger(TwilioSignatureVerifier.class);

    private final RequestValidator validator;
    private final @Nullable String publicBaseUrl;

    @Inject
    TwilioSignatureVerifier(TwilioCredentials credentials, TwilioWebhookConfig config) {
        this(credentials.authToken(), config.baseUrl());
    }

    /**
     * @param authToken     the account's auth token
     * @param publicBaseUrl the address Twilio is configured with when it differs from the request's own host
     *                      ({@code TWILIO_WEBHOOK_BASE_URL}); null to use the request's scheme and host
     */
    public TwilioSignatureVerifier(String authToken, @Nullable String publicBaseUrl) {
        this.validator = new RequestValidator(authToken);
        this.publicBaseUrl = new TwilioWebhookConfig(publicBaseUrl).validated().baseUrl();
    }

    /** Verifies a function URL event; returns its form parameters only when the signature holds. */
    public FormBody verify(APIGatewayV2HTTPEvent event) {
        return verify(WebhookRequest.from(event));
    }

    /**
     * Verifies a webhook request.
     *
     * @return the request's form parameters, once they are known to be Twilio's
     * @throws ForbiddenError when the signature is missing, does not match, or the body cannot be decoded to check it
     */
    public FormBody verify(WebhookRequest request) {
        String signature = request.signature();
        if (signature == null || signature.isBlank()) {
            throw new ForbiddenError("twilio webhook - " + SIGNATURE_HEADER + " header is missing");
        }
        FormBody params = paramsToCheck(request);
        Map<String, String> signed = validatorParams(params);
        List<String> urls = signedUrls(request);
        if (urls.stream().noneMatch(url -> validator.validate(url, signed, signature.trim()))) {
            // The URL is what usually differs (a proxy, a custom domain without TWILIO_WEBHOOK_BASE_URL), so log it.
            LOG.warn("twilio webhook - signature mismatch for {} ({} parameters)", urls, params.allValues().size());
            throw new ForbiddenError("twilio webhook - " + SIGNATURE_HEADER + " does not match this request");
        }
        return params;
    }

    /** The URL Twilio signed: the public base (or the request's scheme and host), then the path and query as sent. */
    public String signedUrl(WebhookRequest request) {
        return signedUrls(request).get(0);
    }

    /**
     * Every URL a genuine signature may cover, in the order they are tried: with a public base, the base then the URL
     * the request reached; without, the URL the request reached. Twilio signs the URL it was told to call, and with a
     * custom domain both kinds arrive: the numbers' webhooks and the TwiML callbacks use the base, while the status
     * callback URLs the functions hand to Twilio's REST API (TWILIO_STATUS_CALLBACK_URL and
     * TWILIO_VOICE_STATUS_CALLBACK_URL) are the function URLs themselves. Accepting both weakens nothing: the HMAC is
     * keyed with the auth token, and the path, query and parameters must match either way.
     */
    public List<String> signedUrls(WebhookRequest request) {
        String pathAndQuery = request.rawPath() + (request.rawQueryString().isEmpty() ? "" : "?" + request.rawQueryString());
        String reached = request.scheme() + "://" + request.host() + pathAndQuery;
        return publicBaseUrl == null ? List.of(reached) : List.of(publicBaseUrl + pathAndQuery, reached);
    }

    private static FormBody paramsToCheck(WebhookRequest request) {
        try {
            return FormBody.parse(request.body(), request.base64Encoded());
        } catch (BadRequestError e) {
            // Twilio never sends an undecodable body; an unauthenticated caller learns nothing more than "forbidden".
            throw new ForbiddenError("twilio webhook - body cannot be decoded, so its signature cannot be checked");
        }
    }

    /**
     * {@link RequestValidator} takes one value per name and signs name+value. Twilio signs a repeated name as
     * name+value for each distinct value in sorted order; joining those values with the name yields the same text.
     */
    static Map<String, String> validatorParams(FormBody params) {
        Map<String, String> flat = new HashMap<>();
        for (Map.Entry<String, List<String>> entry : params.allValues().entrySet()) {
            flat.put(entry.getKey(), String.join(entry.getKey(), new TreeSet<>(entry.getValue())));
        }
        return flat;
    }
}
