package com.kin.bulksmsworker;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.util.regex.Pattern;

/**
 * How the worker sends, from the template's environment:
 * <ul>
 *   <li>{@code BULK_SMS_SENDER}: the E.164 number or Messaging Service SID ({@code MG...}) the texts come from;</li>
 *   <li>{@code BULK_SMS_RATE_PER_SECOND}: the most SMS one worker instance starts per second (default 10); the
 *       template's ReservedConcurrentExecutions bounds the instances, so the two together bound the total;</li>
 *   <li>{@code BULK_SMS_MAX_RECEIVE_COUNT}: the work queue's RedrivePolicy maxReceiveCount (default 5). On that delivery
 *       a recipient Twilio still could not take is marked failed (retries_exhausted) before the message dead-letters;</li>
 *   <li>{@code BULK_SMS_SENDING_STALE_SECONDS}: after how long an unsettled claim is a dead worker's (default 300, as the
 *       bulk-sms function reads it).</li>
 * </ul>
 * Checked at start ({@link Context}): a bad value stops the cold start with a message naming the variable.
 */
@Context
@ConfigurationProperties("bulk-sms")
public record WorkerConfig(
        @Nullable String sender,
        @Bindable(defaultValue = "10") double ratePerSecond,
        @Bindable(defaultValue = "5") int maxReceiveCount,
        @Bindable(defaultValue = "300") int sendingStaleSeconds) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern MESSAGING_SERVICE_SID = Pattern.compile("MG[0-9a-f]{32}");
    /** Twilio's own per-account limits are far lower; a larger value is a typo. */
    static final double MAX_RATE = 100_000;

    public WorkerConfig {
        require(sender != null && (E164.matcher(sender).matches() || MESSAGING_SERVICE_SID.matcher(sender).matches()),
                "BULK_SMS_SENDER", "must be an E.164 number (+15017122661) or a Messaging Service SID (MG + 32 hex), got '"
                        + sender + "'");
        require(ratePerSecond > 0 && ratePerSecond <= MAX_RATE, "BULK_SMS_RATE_PER_SECOND",
                "must be more than 0 and at most " + (long) MAX_RATE + ", got " + ratePerSecond);
        require(maxReceiveCount >= 1 && maxReceiveCount <= 1000, "BULK_SMS_MAX_RECEIVE_COUNT",
                "must be 1..1000 (SQS's range for maxReceiveCount), got " + maxReceiveCount);
        require(sendingStaleSeconds >= 30 && sendingStaleSeconds <= 43_200, "BULK_SMS_SENDING_STALE_SECONDS",
                "must be 30..43200 seconds, got " + sendingStaleSeconds);
    }

    private static void require(boolean ok, String key, String problem) {
        if (!ok) {
            throw new IllegalStateException(key + " - " + problem);
        }
    }
}
