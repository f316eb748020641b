package com.kin.health;

import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.util.Optional;

/**
 * The queue whose health is reported and how to reach SQS: {@code BULK_SMS_QUEUE_URL} (the bulk SMS work queue; unset:
 * the queue is reported as not configured) and {@code SQS_ENDPOINT} (ElasticMQ for the local runtime and tests; unset
 * on AWS). Built at start by {@link HealthClientsFactory}; a value that is set but is not an http(s) URL fails the start.
 */
public record QueueConfig(@Nullable String queueUrl, @Nullable String endpoint) {

    public QueueConfig {
        queueUrl = blankToNull(queueUrl);
        endpoint = blankToNull(endpoint);
        if (queueUrl != null && HttpUrls.parse(queueUrl).isEmpty()) {
            throw new IllegalStateException("BULK_SMS_QUEUE_URL - must be the queue's http(s) URL, got '" + queueUrl + "'");
        }
        if (endpoint != null && HttpUrls.parse(endpoint).isEmpty()) {
            throw new IllegalStateException("SQS_ENDPOINT - must be an http(s) URL such as http://127.0.0.1:9324, got '"
                    + endpoint + "'");
        }
    }

    public Optional<String> queue() {
        return Optional.ofNullable(queueUrl);
    }

    public Optional<URI> endpointOverride() {
        return endpoint == null ? Optional.empty() : HttpUrls.parse(endpoint);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
