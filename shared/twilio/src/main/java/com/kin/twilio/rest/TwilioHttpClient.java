package com.kin.twilio.rest;

import com.twilio.exception.ApiException;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.io.IOException;
import java.time.Duration;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.routing.HttpRoutePlanner;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The SDK's {@link NetworkHttpClient}, changed in three ways so that {@link TwilioGateway} owns the retry policy:
 * <ul>
 *   <li>one attempt per call: the SDK's own loop (three tries, 100 ms apart, on any 5xx) and Apache's retries are off;</li>
 *   <li>our timeouts: the SDK pins a 30.5 s connect timeout and no answer timeout on every request, so an interceptor
 *       puts the configured limits back on each exchange;</li>
 *   <li>an answer worth retrying (429, 5xx) and an I/O failure surface as {@link AttemptFailure}, which tells whether
 *       the request may have reached Twilio. The SDK would lose the status when such a body is not Twilio's JSON.</li>
 * </ul>
 */
public class TwilioHttpClient extends NetworkHttpClient implements AutoCloseable {

    private static final TimeValue REVALIDATE_IDLE_AFTER = TimeValue.ofSeconds(2);

    /** A client for the real Twilio hosts. */
    public TwilioHttpClient(Duration connectTimeout, Duration attemptTimeout) {
        this(connectTimeout, attemptTimeout, null);
    }

    /** A client whose connections go where {@code routePlanner} says (see {@link LoopbackTwilioHttpClient}). */
    protected TwilioHttpClient(Duration connectTimeout, Duration attemptTimeout, HttpRoutePlanner routePlanner) {
        super(clientBuilder(connectTimeout, attemptTimeout, routePlanner));
    }

    @Override
    public Response makeRequest(Request request) {
        Response response;
        try {
            response = super.makeRequest(request);
        } catch (ApiException e) {
            if (e.getCause() instanceof IOException io) {
                throw AttemptFailure.fromIo(io);
            }
            throw e;
        }
        if (AttemptFailure.isRetryableStatus(response.getStatusCode())) {
            throw AttemptFailure.fromStatus(response.getStatusCode());
        }
        return response;
    }

    /** Our policy decides on retries; the SDK's fixed loop would multiply attempts and ignore the time budget. */
    @Override
    protected boolean shouldRetry(Response response, int[] retryCodes) {
        return false;
    }

    @Override
    public void close() throws IOException {
        client.close();
    }

    private static HttpClientBuilder clientBuilder(Duration connectTimeout, Duration attemptTimeout,
                                                   HttpRoutePlanner routePlanner) {
        Timeout connect = Timeout.ofMilliseconds(connectTimeout.toMillis());
        Timeout answer = Timeout.ofMilliseconds(attemptTimeout.toMillis());
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(answer).setSoKeepAlive(true).build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(connect)
                        .setSocketTimeout(answer)
                        // Lambda freezes between invocations; a pooled connection may be dead when it thaws.
                        .setValidateAfterInactivity(REVALIDATE_IDLE_AFTER)
                        .build())
                .build();
        // No connect timeout here: left unset, the connection config's applies instead of the SDK's 30.5 s.
        RequestConfig perExchange = RequestConfig.custom()
                .setConnectionRequestTimeout(connect)
                .setResponseTimeout(answer)
                .build();
        HttpClientBuilder builder = HttpClientBuilder.create()
                .setConnectionManager(connections)
                .disableAutomaticRetries()
                .addExecInterceptorFirst("kin-twilio-timeouts", (request, scope, chain) -> {
                    scope.clientContext.setRequestConfig(perExchange);
                    return chain.proceed(request, scope);
                });
        if (routePlanner != null) {
            builder.setRoutePlanner(routePlanner);
        }
        return builder;
    }
}
