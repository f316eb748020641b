package com.kin.local.services.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.kin.local.LogStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TwilioRestApiTest {

    private static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    private static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC);

    private final CallbackSender callbacks = new CallbackSender("token", Duration.ofMillis(200), CLOCK,
            new LogStream(new PrintStream(new ByteArrayOutputStream())));
    private final TwilioRestApi api = new TwilioRestApi(ACCOUNT, CLOCK, callbacks);

    @AfterEach
    void stopCallbacks() {
        callbacks.close();
    }

    @Test
    void createMessage_answers201WithTwiliosMessageJson() {
        TwilioRestApi.Answer answer = api.handle("POST", MESSAGES, "To=%2B14155550100&From=%2B15017122661&Body=hi");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.body()).containsEntry("status", "queued").containsEntry("account_sid", ACCOUNT)
                .containsEntry("to", "+14155550100").containsEntry("from", "+15017122661").containsEntry("body", "hi")
                .containsEntry("date_created", "Thu, 15 Jan 2026 10:00:00 +0000").containsEntry("num_segments", "1");
        String sid = (String) answer.body().get("sid");
        assertThat(sid).matches("^SM[0-9a-f]{32}$");
        assertThat(answer.body()).containsEntry("uri", "/2010-04-01/Accounts/" + ACCOUNT + "/Messages/" + sid + ".json");
    }

    @Test
    void messageThroughAService_isAccepted() {
        TwilioRestApi.Answer answer = api.handle("POST", MESSAGES,
                "To=%2B14155550100&MessagingServiceSid=MG0123456789abcdef0123456789abcdef&Body=hi");

        assertThat(answer.body()).containsEntry("status", "accepted")
                .containsEntry("messaging_service_sid", "MG0123456789abcdef0123456789abcdef");
    }

    @Test
    void createCall_answers201Queued() {
        TwilioRestApi.Answer answer = api.handle("POST", "/2010-04-01/Accounts/" + ACCOUNT + "/Calls.json",
                "To=%2B14155550100&From=%2B15017122661&Twiml=%3CResponse%2F%3E");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.body()).containsEntry("status", "queued").containsEntry("direction", "outbound-api");
        assertThat((String) answer.body().get("sid")).matches("^CA[0-9a-f]{32}$");
    }

    @Test
    void fetchAccount_answersActive() {
        TwilioRestApi.Answer answer = api.handle("GET", "/2010-04-01/Accounts/" + ACCOUNT + ".json", "");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).containsEntry("sid", ACCOUNT).containsEntry("status", "active");
    }

    @Test
    void anotherAccountsMessages_are404() {
        TwilioRestApi.Answer answer = api.handle("POST", MESSAGES.replace(ACCOUNT, "AC" + "f".repeat(32)),
                "To=%2B14155550100&From=%2B15017122661&Body=hi");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).containsEntry("code", 20404);
    }

    @Test
    void getOnACollection_is405() {
        assertThat(api.handle("GET", MESSAGES, "").status()).isEqualTo(405);
    }

    @Test
    void magicNumber_answers400WithTwiliosErrorBody() {
        TwilioRestApi.Answer answer = api.handle("POST", MESSAGES, "To=%2B15005550009&From=%2B15017122661&Body=hi");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).containsEntry("code", 21614).containsEntry("status", 400)
                .containsEntry("more_info", "https://www.twilio.com/docs/errors/21614");
    }

    @Test
    void callbackUrls_mustBeLoopback() {
        assertThat(CallbackSender.isLoopback(URI.create("http://127.0.0.1:3000/fn/F/sms/status"))).isTrue();
        assertThat(CallbackSender.isLoopback(URI.create("http://[::1]:3000/x"))).isTrue();
        assertThat(CallbackSender.isLoopback(URI.create("http://10.0.0.1/x"))).isFalse();
        assertThat(CallbackSender.isLoopback(URI.create("http://93.184.216.34/x"))).isFalse();
    }
}
