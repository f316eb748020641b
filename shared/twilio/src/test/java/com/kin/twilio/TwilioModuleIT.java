package com.kin.twilio;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.kin.twilio.support.Fixtures.ACCOUNT_SID;
import static com.kin.twilio.support.Fixtures.AUTH_TOKEN;
import static com.kin.twilio.support.Fixtures.twilioJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.kin.twilio.rest.SmsReceipt;
import com.kin.twilio.rest.TwilioGateway;
import com.kin.twilio.webhook.FormBody;
import com.kin.twilio.webhook.TwilioSignatureVerifier;
import com.kin.twilio.webhook.TwilioSigner;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module as a function gets it: beans wired by Micronaut (with the observability module's real metrics recorder)
 * from environment variables named as in the README.
 */
class TwilioModuleIT {

    static WireMockServer twilio;

    @BeforeAll
    static void startTwilio() {
        twilio = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        twilio.start();
    }

    @AfterAll
    static void stopTwilio() {
        twilio.stop();
    }

    static ApplicationContext start(Map<String, Object> environment) {
        return ApplicationContext.builder()
                .propertySources(PropertySource.of("test-env", environment,
                        PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE))
                .start();
    }

    static Map<String, Object> localEnvironment() {
        Map<String, Object> environment = new HashMap<>();
        environment.put("TWILIO_ACCOUNT_SID", ACCOUNT_SID);
        environment.put("TWILIO_AUTH_TOKEN", AUTH_TOKEN);
        environment.put("TWILIO_API_BASE_URL", twilio.baseUrl());
        environment.put("TWILIO_WEBHOOK_BASE_URL", "https://hooks.kin.example/twilio");
        return environment;
    }

    @Test
    void localEnvironment_wiresGatewayAndVerifier() {
        twilio.stubFor(post(urlPathEqualTo("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody(twilioJson("message-queued.json"))));
        try (ApplicationContext context = start(localEnvironment())) {
            SmsReceipt receipt = context.getBean(TwilioGateway.class).sendSms("+15558675310", "+15017122661", "Hi", null);

            String body = "From=%2B15558675310&Body=HELP";
            String signature = new TwilioSigner(AUTH_TOKEN).sign("https://hooks.kin.example/twilio/messages/inbound",
                    FormBody.parse(body, false));
            APIGatewayV2HTTPEvent event = APIGatewayV2HTTPEvent.builder().withRawPath("/messages/inbound")
                    .withRawQueryString("").withBody(body)
                    .withHeaders(Map.of("host", "abc123.lambda-url.us-east-1.on.aws", "x-twilio-signature", signature))
                    .build();
            FormBody verified = context.getBean(TwilioSignatureVerifier.class).verify(event);

            assertThat(receipt.status()).isEqualTo("queued");
            assertThat(verified.first("Body")).contains("HELP");
        }
    }

    @Test
    void missingAuthToken_stopsTheContextAtStart() {
        Map<String, Object> environment = localEnvironment();
        environment.remove("TWILIO_AUTH_TOKEN");

        assertThatThrownBy(() -> start(environment).close())
                .hasStackTraceContaining("TWILIO_AUTH_TOKEN - is not set");
    }
}
