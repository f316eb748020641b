package com.kin.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseMapperTest {

    @Test
    void fullResponse_mapsStatusHeadersCookiesAndBase64_andIgnoresMultiValueHeadersAsFormat2Does() {
        GatewayResponse response = map("{\"statusCode\":201,\"headers\":{\"Content-Type\":\"text/plain\",\"Content-Length\":\"99\"},"
                + "\"multiValueHeaders\":{\"x-m\":[\"a\",\"b\"]},\"cookies\":[\"s=1\"],\"body\":\"aGk=\",\"isBase64Encoded\":true}");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.headers()).containsExactly(Map.entry("content-type", "text/plain"),
                Map.entry("set-cookie", "s=1"));
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("hi");
    }

    @Test
    void jsonWithoutStatusCode_isA200JsonBody() {
        GatewayResponse response = map("{\"items\":[]}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers()).containsExactly(Map.entry("content-type", "application/json"));
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"items\":[]}");
    }

    @Test
    void invalidJson_isA500() {
        assertThat(map("not json").status()).isEqualTo(500);
    }

    @Test
    void statusOutOfRange_isA500() {
        assertThat(map("{\"statusCode\":42}").status()).isEqualTo(500);
    }

    @Test
    void bodyThatIsNotBase64_isA500() {
        assertThat(map("{\"statusCode\":200,\"body\":\"%%%\",\"isBase64Encoded\":true}").status()).isEqualTo(500);
    }

    private static GatewayResponse map(String payload) {
        return ResponseMapper.map(payload.getBytes(StandardCharsets.UTF_8));
    }
}
