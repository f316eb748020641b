package com.kin.twilio.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TwilioApiConfigTest {

    static TwilioApiConfig withBaseUrl(String baseUrl) {
        return new TwilioApiConfig(baseUrl, 8000, 3000, 1000, 200, 2000);
    }

    @Test
    void defaults_areValid_andTalkToTwilioItself() {
        assertThat(TwilioApiConfig.defaults().validated().redirectTarget()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8089", "http://localhost:8089/", "http://[::1]:8089"})
    void loopbackBaseUrl_isTheRedirectTarget(String baseUrl) {
        assertThat(withBaseUrl(baseUrl).validated().redirectTarget()).contains(URI.create(baseUrl));
    }

    @Test
    void nonLoopbackBaseUrl_isRefused_soCredentialsNeverLeaveForAnotherHost() {
        assertThatThrownBy(() -> withBaseUrl("http://10.0.0.7:8089").validated())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("TWILIO_API_BASE_URL - must point at this machine");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8089/twilio", "ftp://127.0.0.1:21", "127.0.0.1:8089", "http://127.0.0.1:1/?a=b"})
    void malformedBaseUrl_isRefused(String baseUrl) {
        assertThatThrownBy(() -> withBaseUrl(baseUrl).validated())
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("TWILIO_API_BASE_URL - ");
    }

    @Test
    void attemptThatCannotFitTheBudget_isRefused() {
        assertThatThrownBy(() -> new TwilioApiConfig(null, 2000, 1500, 1000, 200, 2000).validated())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TWILIO_API_ATTEMPT_TIMEOUT_MS").hasMessageContaining("2000 ms");
    }

    @Test
    void budgetAboveTheGatewayTimeout_isRefused() {
        assertThatThrownBy(() -> new TwilioApiConfig(null, 30_000, 3000, 1000, 200, 2000).validated())
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("TWILIO_API_BUDGET_MS - ");
    }

    @Test
    void backoffBaseAboveMax_isRefused() {
        assertThatThrownBy(() -> new TwilioApiConfig(null, 8000, 3000, 1000, 3000, 2000).validated())
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("TWILIO_API_BACKOFF_BASE_MS - ");
    }
}
