package com.kin.core.error;

import java.util.LinkedHashMap;
import java.util.Map;

/** Thrown when a third-party service (Twilio, QuickBase) fails: 502 for an error answer, 504 when it did not answer in time. */
public class ExternalServiceError extends KinException {

    private final String service;
    private final Integer providerCode;

    private ExternalServiceError(int status, String service, Integer providerCode, String message, Throwable cause) {
        super(status, status == 504 ? "external-timeout" : "external-error", message, cause);
        this.service = service;
        this.providerCode = providerCode;
    }

    /** The service answered with an error; {@code providerCode} is its own error code, if it gave one. */
    public static ExternalServiceError failed(String service, Integer providerCode, String message, Throwable cause) {
        return new ExternalServiceError(502, service, providerCode, message, cause);
    }

    /** The service did not answer within the request's time budget. */
    public static ExternalServiceError timedOut(String service, String message, Throwable cause) {
        return new ExternalServiceError(504, service, null, message, cause);
    }

    public String service() {
        return service;
    }

    public Integer providerCode() {
        return providerCode;
    }

    @Override
    public Map<String, Object> extensions() {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("service", service);
        if (providerCode != null) {
            extensions.put("providerCode", providerCode);
        }
        return extensions;
    }
}
