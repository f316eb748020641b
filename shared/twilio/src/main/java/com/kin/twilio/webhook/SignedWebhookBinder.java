package com.kin.twilio.webhook;

import com.kin.core.error.ForbiddenError;
import com.kin.core.web.LambdaRequests;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Lets a controller method take a {@link SignedWebhook}: binding it checks the signature of the function URL event behind
 * the request ({@link TwilioSignatureVerifier}) before the method runs, so a forged or unsigned request gets a 403
 * without reaching any code that reads or writes data.
 */
@Singleton
public final class SignedWebhookBinder implements TypedRequestArgumentBinder<SignedWebhook> {

    public static final String IDEMPOTENCY_TOKEN_HEADER = "I-Twilio-Idempotency-Token";

    private final TwilioSignatureVerifier verifier;
    private final String configuredBaseUrl;

    SignedWebhookBinder(TwilioSignatureVerifier verifier, TwilioWebhookConfig config) {
        this.verifier = verifier;
        this.configuredBaseUrl = config.validated().baseUrl();
    }

    @Override
    public Argument<SignedWebhook> argumentType() {
        return Argument.of(SignedWebhook.class);
    }

    @Override
    public BindingResult<SignedWebhook> bind(ArgumentConversionContext<SignedWebhook> context, HttpRequest<?> source) {
        WebhookRequest request = LambdaRequests.event(source).map(WebhookRequest::from)
                .orElseThrow(() -> new ForbiddenError("twilio webhook - not a function URL event, so its signature"
                        + " cannot be checked"));
        FormBody params = verifier.verify(request);
        String base = configuredBaseUrl != null ? configuredBaseUrl : request.scheme() + "://" + request.host();
        SignedWebhook webhook = new SignedWebhook(params, base, source.getHeaders().get(IDEMPOTENCY_TOKEN_HEADER));
        return () -> Optional.of(webhook);
    }
}
