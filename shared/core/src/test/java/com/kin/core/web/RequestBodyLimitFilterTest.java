package com.kin.core.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import io.micronaut.context.exceptions.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class RequestBodyLimitFilterTest {

    @Test
    void plainBody_isMeasuredInUtf8Bytes() {
        assertThat(RequestBodyLimitFilter.bodyBytes(event("{\"firstName\":\"Zoë\"}", false))).isEqualTo(20);
        assertThat(RequestBodyLimitFilter.bodyBytes(event("€€", false))).isEqualTo(6);
    }

    @Test
    void base64Body_isMeasuredDecoded() {
        for (int length = 0; length < 8; length++) {
            byte[] raw = "abcdefgh".substring(0, length).getBytes(StandardCharsets.US_ASCII);
            String encoded = Base64.getEncoder().encodeToString(raw);
            assertThat(RequestBodyLimitFilter.bodyBytes(event(encoded, true))).as(encoded).isEqualTo(length);
        }
    }

    @Test
    void missingBody_isEmpty() {
        assertThat(RequestBodyLimitFilter.bodyBytes(event(null, false))).isZero();
    }

    @Test
    void limitOutsideLambdasPayloadRange_isRefusedNamingTheKey() {
        assertThatThrownBy(() -> new RequestBodyConfig(100)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("REQUEST_MAX_BODY_BYTES");
        assertThatThrownBy(() -> new RequestBodyConfig(7 * 1024 * 1024)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("request.max-body-bytes");
        assertThat(new RequestBodyConfig(65_536).maxBodyBytes()).isEqualTo(65_536);
    }

    private static APIGatewayV2HTTPEvent event(String body, boolean base64) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setBody(body);
        event.setIsBase64Encoded(base64);
        return event;
    }
}
