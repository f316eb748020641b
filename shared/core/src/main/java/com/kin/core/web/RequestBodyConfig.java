package com.kin.core.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * The largest request body a function accepts, from {@code REQUEST_MAX_BODY_BYTES} (default 64 KB: a contact, a template or
 * a 500-id bulk action is a few KB to ~20 KB). A function whose legitimate bodies are larger (bulk SMS to 10,000 contacts)
 * raises it in its own application.properties. Created with the context so a bad value stops the function at start.
 */
@Context
@ConfigurationProperties("request")
public record RequestBodyConfig(@Bindable(defaultValue = "65536") int maxBodyBytes) {

    /** Lambda refuses synchronous payloads above 6 MB, so a larger limit could never apply. */
    static final int LAMBDA_PAYLOAD_LIMIT = 6 * 1024 * 1024;

    public RequestBodyConfig {
        if (maxBodyBytes < 1024 || maxBodyBytes > LAMBDA_PAYLOAD_LIMIT) {
            throw new ConfigurationException("request.max-body-bytes (REQUEST_MAX_BODY_BYTES) - must be between 1024 and "
                    + LAMBDA_PAYLOAD_LIMIT + " bytes, was " + maxBodyBytes);
        }
    }
}
