package com.kin.bulksms;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * How bulk SMS jobs are queued, from the template's environment: {@code BULK_SMS_QUEUE_URL} (the work queue, required),
 * {@code BULK_SMS_RECIPIENTS_PER_MESSAGE} (recipients carried by one queue message, default 25) and
 * {@code BULK_SMS_SENDING_STALE_SECONDS} (after how long a recipient claimed by a worker but never settled counts as
 * failed-unknown, default 300: longer than the worker's timeout, shorter than the queue's visibility timeout).
 *
 * <p>Checked when the function starts ({@link Context}), so a bad deployment fails its first cold start with a message
 * naming the variable, not its first request.
 */
@Context
@ConfigurationProperties("bulk-sms")
public record BulkSmsConfig(
        @Nullable String queueUrl,
        @Bindable(defaultValue = "25") int recipientsPerMessage,
        @Bindable(defaultValue = "300") int sendingStaleSeconds) {

    /** SQS takes at most 256 KiB per message; 100 ids is about 4 KiB and keeps one message's sends short. */
    static final int MAX_RECIPIENTS_PER_MESSAGE = 100;

    public BulkSmsConfig {
        require(queueUrl != null && !queueUrl.isBlank(), "BULK_SMS_QUEUE_URL", "is not set");
        require(isHttpUrl(queueUrl), "BULK_SMS_QUEUE_URL", "must be the queue's http(s) URL, got '" + queueUrl + "'");
        require(recipientsPerMessage >= 1 && recipientsPerMessage <= MAX_RECIPIENTS_PER_MESSAGE,
                "BULK_SMS_RECIPIENTS_PER_MESSAGE", "must be 1.." + MAX_RECIPIENTS_PER_MESSAGE + ", got "
                        + recipientsPerMessage);
        require(sendingStaleSeconds >= 30 && sendingStaleSeconds <= 43_200, "BULK_SMS_SENDING_STALE_SECONDS",
                "must be 30..43200 seconds, got " + sendingStaleSeconds);
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value.trim());
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void require(boolean ok, String key, String problem) {
        if (!ok) {
            throw new IllegalStateException(key + " - " + problem);
        }
    }
}
