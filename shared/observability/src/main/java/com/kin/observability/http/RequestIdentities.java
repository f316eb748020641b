package com.kin.observability.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.kin.core.web.LambdaRequests;
import com.kin.observability.logging.LogFields;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.MDC;

/** Reads a request's ids from the payload 2.0 event behind it; no body is parsed unless it is a Twilio form. */
final class RequestIdentities {

    private RequestIdentities() {
    }

    static RequestIdentity of(HttpRequest<?> request) {
        Optional<APIGatewayV2HTTPEvent> event = LambdaRequests.event(request);
        String requestId = LambdaRequests.requestId(request)
                .or(() -> Optional.ofNullable(MDC.get(LogFields.FUNCTION_REQUEST_ID)))
                .filter(id -> !id.isBlank())
                .orElseGet(() -> UUID.randomUUID().toString());
        String correlationId = event.filter(e -> isForm(request))
                .flatMap(e -> TwilioSids.fromForm(body(e)))
                .orElse(requestId);
        return new RequestIdentity(requestId, correlationId);
    }

    private static boolean isForm(HttpRequest<?> request) {
        return request.getContentType().map(MediaType.APPLICATION_FORM_URLENCODED_TYPE::matches).orElse(false);
    }

    private static String body(APIGatewayV2HTTPEvent event) {
        String body = event.getBody();
        if (body == null || !event.getIsBase64Encoded()) {
            return body;
        }
        return new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
    }
}
