package com.kin.bulksms;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * {@code SQS_ENDPOINT}: where the SQS client connects instead of AWS, for the local runtime and tests (ElasticMQ). Unset
 * on AWS, where the SDK finds the regional endpoint, region and credentials itself.
 */
@Context
@ConfigurationProperties("sqs")
public record SqsConfig(@Nullable String endpoint) {

    public SqsConfig {
        if (endpoint != null && !endpoint.isBlank() && endpointOverride(endpoint).isEmpty()) {
            throw new IllegalStateException("SQS_ENDPOINT - must be an http(s) URL such as http://127.0.0.1:9324, got '"
                    + endpoint + "'");
        }
    }

    /** The endpoint to use instead of AWS's, when one is set. */
    Optional<URI> endpointOverride() {
        return endpoint == null || endpoint.isBlank() ? Optional.empty() : endpointOverride(endpoint);
    }

    private static Optional<URI> endpointOverride(String value) {
        try {
            URI uri = new URI(value.trim());
            boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            return http && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
