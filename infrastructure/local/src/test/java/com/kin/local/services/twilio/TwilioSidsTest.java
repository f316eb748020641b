package com.kin.local.services.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TwilioSidsTest {

    @Test
    void next_isThePrefixAnd32LowercaseHexDigits() {
        assertThat(TwilioSids.next("SM")).matches("^SM[0-9a-f]{32}$");
        assertThat(TwilioSids.next("CA")).matches("^CA[0-9a-f]{32}$");
    }

    @Test
    void next_neverRepeatsWithinAThousand() {
        Set<String> sids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            sids.add(TwilioSids.next("SM"));
        }

        assertThat(sids).hasSize(1000);
    }

    @Test
    void prefixNotTwoLetters_isRefused() {
        assertThatThrownBy(() -> TwilioSids.next("SMS")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SMS");
    }

    @Test
    void isSid_checksPrefixLengthAndCase() {
        assertThat(TwilioSids.isSid("MG", "MG0123456789abcdef0123456789abcdef")).isTrue();
        assertThat(TwilioSids.isSid("MG", "SM0123456789abcdef0123456789abcdef")).isFalse();
        assertThat(TwilioSids.isSid("MG", "MG0123456789ABCDEF0123456789abcdef")).isFalse();
        assertThat(TwilioSids.isSid("MG", "MG0123")).isFalse();
        assertThat(TwilioSids.isSid("MG", null)).isFalse();
    }
}
