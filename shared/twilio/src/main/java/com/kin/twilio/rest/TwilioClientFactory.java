package com.kin.twilio.rest;

import com.kin.twilio.credentials.TwilioCredentials;
import com.twilio.http.TwilioRestClient;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Builds the SDK client every Twilio call goes through. Its HTTP layer is the SDK's own client with our timeouts; when
 * {@code TWILIO_API_BASE_URL} is set (tests, local runtime) the same client is pointed at that loopback server.
 */
@Factory
final class TwilioClientFactory {

    @Singleton
    @Bean(preDestroy = "close")
    TwilioHttpClient twilioHttpClient(TwilioApiConfig rawConfig) {
        return httpClient(rawConfig.validated());
    }

    @Singleton
    TwilioRestClient twilioRestClient(TwilioCredentials credentials, TwilioHttpClient httpClient) {
        return restClient(credentials, httpClient);
    }

    /** The HTTP client for a validated configuration. */
    static TwilioHttpClient httpClient(TwilioApiConfig config) {
        Duration connect = Duration.ofMillis(config.connectTimeoutMs());
        Duration answer = Duration.ofMillis(config.attemptTimeoutMs());
        return config.redirectTarget()
                .<TwilioHttpClient>map(target -> new LoopbackTwilioHttpClient(target, connect, answer))
                .orElseGet(() -> new TwilioHttpClient(connect, answer));
    }

    /** API key pair when there is one (revocable, scoped), otherwise the account SID and auth token. */
    static TwilioRestClient restClient(TwilioCredentials credentials, TwilioHttpClient httpClient) {
        TwilioRestClient.Builder builder = credentials.usesApiKey()
                ? new TwilioRestClient.Builder(credentials.apiKeySid(), credentials.apiKeySecret())
                : new TwilioRestClient.Builder(credentials.accountSid(), credentials.authToken());
        return builder.accountSid(credentials.accountSid()).httpClient(httpClient).build();
    }
}
