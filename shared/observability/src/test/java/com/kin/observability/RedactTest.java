package com.kin.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactTest {

    @Test
    void phone_e164_keepsPrefixAndLastFour() {
        assertThat(Redact.phone("+14155550123")).isEqualTo("+1415•••0123");
    }

    @Test
    void phone_formatted_isMaskedOnItsDigits() {
        assertThat(Redact.phone("+44 20 7183 8750")).isEqualTo("+4420•••8750");
    }

    @Test
    void phone_shortCode_keepsOnlyTwoDigits() {
        assertThat(Redact.phone("12345")).isEqualTo("•••45");
    }

    @Test
    void phone_missing_saysNone() {
        assertThat(Redact.phone(null)).isEqualTo(Redact.NONE);
        assertThat(Redact.phone("  ")).isEqualTo(Redact.NONE);
    }

    @Test
    void secret_neverRevealsAnyCharacter() {
        String token = "sk_live_51HxYzAbCdEf";

        assertThat(Redact.secret(token)).isEqualTo(Redact.MASK).doesNotContain("sk_").doesNotContain("Ef");
        assertThat(Redact.secret("")).isEqualTo(Redact.NONE);
        assertThat(Redact.secret(null)).isEqualTo(Redact.NONE);
    }

    @Test
    void phonesIn_masksNumbersInsideText_butLeavesSidsAndShortNumbers() {
        String message = "Twilio 21211: 'To' number +14155550123 is not valid (CA0123456789abcdef0123456789abcdef, try 3)";

        assertThat(Redact.phonesIn(message))
                .contains("+1415•••0123")
                .doesNotContain("+14155550123")
                .contains("CA0123456789abcdef0123456789abcdef")
                .contains("21211")
                .contains("try 3");
    }
}
