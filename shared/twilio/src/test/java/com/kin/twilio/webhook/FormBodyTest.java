package com.kin.twilio.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.kin.core.error.BadRequestError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormBodyTest {

    @Test
    void parse_decodesPercentAndPlus() {
        FormBody body = FormBody.parse("From=%2B15558675310&Body=Hello+there%21+%C3%A9t%C3%A9", false);

        assertThat(body.asMap()).containsExactly(
                entry("From", "+15558675310"),
                entry("Body", "Hello there! été"));
    }

    @Test
    void repeatedName_firstValueInMap_allValuesKept() {
        FormBody body = FormBody.parse("MediaUrl0=a&Tag=x&Tag=y&Tag=x", false);

        assertThat(body.first("Tag")).contains("x");
        assertThat(body.all("Tag")).containsExactly("x", "y", "x");
        assertThat(body.asMap()).containsEntry("Tag", "x").hasSize(2);
    }

    @Test
    void base64Body_isDecodedBeforeFormDecoding() {
        String encoded = Base64.getEncoder().encodeToString("CallSid=CA1&Digits=12%2334".getBytes(StandardCharsets.UTF_8));

        assertThat(FormBody.firstValues(encoded, true)).containsEntry("CallSid", "CA1").containsEntry("Digits", "12#34");
    }

    @Test
    void nameWithoutValue_andEmptySegments_areTolerated() {
        FormBody body = FormBody.parse("&Flag&Empty=&&Name=v&", false);

        assertThat(body.asMap()).containsEntry("Flag", "").containsEntry("Empty", "").containsEntry("Name", "v");
        assertThat(body.allValues().keySet()).containsExactly("Flag", "Empty", "Name");
    }

    @Test
    void nullOrEmptyBody_isEmpty() {
        assertThat(FormBody.parse(null, false).isEmpty()).isTrue();
        assertThat(FormBody.parse("", true).isEmpty()).isTrue();
        assertThat(FormBody.parse(null, false).all("Body")).isEqualTo(List.of());
        assertThat(FormBody.parse(null, false).first("Body")).isEmpty();
    }

    @Test
    void brokenPercentEscape_isBadRequest() {
        assertThatThrownBy(() -> FormBody.parse("Body=100%", false))
                .isInstanceOf(BadRequestError.class).hasMessageContaining("not valid form encoding");
    }

    @Test
    void invalidBase64_isBadRequest() {
        assertThatThrownBy(() -> FormBody.parse("not*base64!", true))
                .isInstanceOf(BadRequestError.class).hasMessageContaining("not valid base64");
    }
}
