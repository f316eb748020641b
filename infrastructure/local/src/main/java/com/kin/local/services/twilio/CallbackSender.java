package com.kin.local.services.twilio;

import com.kin.local.LogStream;
import com.kin.twilio.webhook.TwilioSigner;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Posts status callbacks as Twilio does: form-encoded, signed with {@code X-Twilio-Signature} (the auth token over the
 * URL and parameters), one stage after another with {@code step} between them, from a small pool of its own so that no
 * REST answer ever waits for a callback. Only loopback URLs are called: the stand-in never posts off this machine.
 * A failed callback is logged and the next stage still goes, as Twilio does.
 */
final class CallbackSender implements AutoCloseable {

    private static final int THREADS = 2;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** A function may cold-start behind the gateway before it answers its first callback. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private final TwilioSigner signer;
    private final Duration step;
    private final Clock clock;
    private final LogStream log;
    private final ScheduledThreadPoolExecutor executor;

    CallbackSender(String authToken, Duration step, Clock clock, LogStream log) {
        this.signer = new TwilioSigner(authToken);
        this.step = step;
        this.clock = clock;
        this.log = log;
        this.executor = new ScheduledThreadPoolExecutor(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "local-twilio-callbacks");
            thread.setDaemon(true);
            return thread;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setRemoveOnCancelPolicy(true);
    }

    /** Schedules {@code stages} to {@code url}; false, logged, when the URL is not on this machine. */
    boolean send(String resourceSid, URI url, List<StatusCallbacks.Stage> stages) {
        if (!isLoopback(url)) {
            log.info("twilio stand-in - status callbacks of %s not sent: %s is not a loopback URL", resourceSid, url);
            return false;
        }
        schedule(resourceSid, url, stages, 0);
        return true;
    }

    private void schedule(String resourceSid, URI url, List<StatusCallbacks.Stage> stages, int index) {
        if (index >= stages.size()) {
            return;
        }
        try {
            executor.schedule(() -> {
                deliver(resourceSid, url, stages.get(index).params(clock.instant()));
                schedule(resourceSid, url, stages, index + 1);
            }, step.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Closing: the remaining callbacks are dropped, as they would be if Twilio never got to them.
        }
    }

    private void deliver(String resourceSid, URI url, Map<String, String> params) {
        try {
            int status = post(url, params);
            if (status < 200 || status >= 300) {
                log.info("twilio stand-in - status callback of %s to %s answered HTTP %d", resourceSid, url, status);
            }
        } catch (IOException | RuntimeException e) {
            log.info("twilio stand-in - status callback of %s to %s failed: %s", resourceSid, url, e);
        }
    }

    private int post(URI url, Map<String, String> params) throws IOException {
        byte[] body = FormFields.encode(params).getBytes(StandardCharsets.UTF_8);
        HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
        try {
            connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
            connection.setReadTimeout((int) ANSWER_TIMEOUT.toMillis());
            connection.setInstanceFollowRedirects(false);
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
            connection.setRequestProperty("User-Agent", "TwilioProxy/1.1");
            connection.setRequestProperty("X-Twilio-Signature", signer.sign(url.toString(), params));
            connection.setRequestProperty("I-Twilio-Idempotency-Token", UUID.randomUUID().toString());
            connection.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            drain(status >= 400 ? connection.getErrorStream() : connection.getInputStream());
            return status;
        } finally {
            // No keep-alive cache: each callback its own connection, so nothing lingers once the stand-in stops.
            connection.disconnect();
        }
    }

    /** Reads the answer to its end: the function's work is done once it answered. The socket is closed after. */
    private static void drain(InputStream in) throws IOException {
        if (in != null) {
            try (in) {
                in.transferTo(OutputStream.nullOutputStream());
            }
        }
    }

    static boolean isLoopback(URI url) {
        if (url == null || url.getHost() == null) {
            return false;
        }
        try {
            return InetAddress.getByName(url.getHost()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
