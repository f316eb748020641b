package com.kin.twilio.rest;

import com.kin.core.error.ExternalServiceError;
import com.kin.core.metrics.MetricsRecorder;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.Account;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.CallCreator;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The one door to Twilio's REST API. Each operation is retried within a time budget (see {@link TwilioApiConfig}) and
 * ends either in a result or in an {@link ExternalServiceError}: 502 carrying Twilio's error code when Twilio refused,
 * 504 when it did not answer in time. Latency and errors are recorded under the names in
 * {@link com.kin.observability.metrics.MetricNames} ({@code TWILIO_LATENCY}, {@code TWILIO_ERROR}) with an
 * {@code operation} dimension.
 */
@Singleton
public final class TwilioGateway {

    private static final Pattern MESSAGING_SERVICE_SID = Pattern.compile("^MG[0-9a-f]{32}$");
    /** With a status callback, report every stage of the call, not only its end. */
    private static final List<String> CALL_PROGRESS_EVENTS = List.of("initiated", "ringing", "answered", "completed");

    private final TwilioRestClient client;
    private final Retrier retrier;

    @Inject
    public TwilioGateway(TwilioRestClient client, TwilioApiConfig config, MetricsRecorder metrics, Clock clock,
                         Sleeper sleeper) {
        this(client, new Retrier(config.validated(), new Backoff(Duration.ofMillis(config.backoffBaseMs()),
                Duration.ofMillis(config.backoffMaxMs()), () -> ThreadLocalRandom.current().nextDouble()),
                clock, sleeper, metrics));
    }

    TwilioGateway(TwilioRestClient client, Retrier retrier) {
        this.client = client;
        this.retrier = retrier;
    }

    /**
     * Sends an SMS.
     *
     * @param sender         a phone number in E.164, or a Messaging Service SID ({@code MG...}) to let the service pick
     * @param statusCallback where Twilio posts delivery status updates; null for none
     */
    public SmsReceipt sendSms(String to, String sender, String body, @Nullable URI statusCallback) {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(body, "body");
        MessageCreator creator = MESSAGING_SERVICE_SID.matcher(sender).matches()
                ? Message.creator(new PhoneNumber(to), sender, body)
                : Message.creator(new PhoneNumber(to), new PhoneNumber(sender), body);
        if (statusCallback != null) {
            creator.setStatusCallback(statusCallback);
        }
        Message message = retrier.call(TwilioOperation.SEND_SMS, () -> creator.create(client));
        return new SmsReceipt(message.getSid(), String.valueOf(message.getStatus()));
    }

    /**
     * Places an outbound call.
     *
     * @param statusCallback where Twilio posts the call's progress (initiated, ringing, answered, completed); null for none
     */
    public PlacedCall placeCall(String to, String from, CallInstructions instructions, @Nullable URI statusCallback) {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(from, "from");
        CallCreator creator = instructions.creator(new PhoneNumber(to), new PhoneNumber(from));
        if (statusCallback != null) {
            creator.setStatusCallback(statusCallback).setStatusCallbackEvent(CALL_PROGRESS_EVENTS);
        }
        Call call = retrier.call(TwilioOperation.PLACE_CALL, () -> creator.create(client));
        return new PlacedCall(call.getSid(), String.valueOf(call.getStatus()));
    }

    /** Fetches the account the credentials belong to: a cheap authenticated call, for health checks. */
    public AccountStatus checkAccount() {
        Account account = retrier.call(TwilioOperation.CHECK_ACCOUNT, () -> Account.fetcher().fetch(client));
        return new AccountStatus(account.getSid(), String.valueOf(account.getStatus()));
    }
}
