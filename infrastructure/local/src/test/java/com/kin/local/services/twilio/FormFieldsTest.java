package com.kin.local.services.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormFieldsTest {

    @Test
    void encodedValues_areDecoded() {
        FormFields form = FormFields.parse("To=%2B14155550100&Body=Hello+there%21&StatusCallback="
                + "http%3A%2F%2F127.0.0.1%3A3000%2Ffn%2FX%2Fsms%2Fstatus%3Fa%3D1");

        assertThat(form.first("To")).hasValue("+14155550100");
        assertThat(form.first("Body")).hasValue("Hello there!");
        assertThat(form.first("StatusCallback")).hasValue("http://127.0.0.1:3000/fn/X/sms/status?a=1");
    }

    @Test
    void repeatedName_keepsEveryValueInOrder() {
        FormFields form = FormFields.parse("StatusCallbackEvent=initiated&To=%2B1&StatusCallbackEvent=completed");

        assertThat(form.all("StatusCallbackEvent")).containsExactly("initiated", "completed");
        assertThat(form.first("StatusCallbackEvent")).hasValue("initiated");
    }

    @Test
    void blankOrMissingValues_countAsAbsent() {
        FormFields form = FormFields.parse("Body=&From&&To=+");

        assertThat(form.first("Body")).isEmpty();
        assertThat(form.first("From")).isEmpty();
        assertThat(form.first("To")).isEmpty();
        assertThat(form.all("MediaUrl")).isEmpty();
        assertThat(FormFields.parse(null).first("To")).isEmpty();
    }

    @Test
    void malformedPercentEncoding_isRefusedNamingTheText() {
        assertThatThrownBy(() -> FormFields.parse("Body=100%")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("100%");
    }

    @Test
    void encode_thenParse_givesTheSameValues() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("To", "+14155550100");
        params.put("Body", "a&b=c é");

        FormFields form = FormFields.parse(FormFields.encode(params));

        assertThat(form.first("To")).hasValue("+14155550100");
        assertThat(form.first("Body")).hasValue("a&b=c é");
    }
}
