package com.kin.observability.http;

/**
 * How a request is named in logs, metrics' companions and error reports.
 *
 * @param requestId API Gateway's request id (falling back to the Lambda invocation id, then a random UUID)
 * @param correlationId Twilio's CallSid / MessageSid on webhooks, otherwise the request id
 */
public record RequestIdentity(String requestId, String correlationId) {

    public RequestIdentity {
        if (requestId == null || requestId.isBlank() || correlationId == null || correlationId.isBlank()) {
            throw new IllegalArgumentException("request and correlation ids must not be blank");
        }
    }
}
