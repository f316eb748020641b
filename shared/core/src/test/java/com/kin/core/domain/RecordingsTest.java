package com.kin.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecordingsTest {

    private static final String TWILIO = "https://api.twilio.com/2010-04-01/Accounts/AC0123/Recordings/RE0123";

    @Test
    void twilioUrlWithoutExtension_getsMp3Appended() {
        assertThat(Recordings.playableUrl(TWILIO)).isEqualTo(TWILIO + ".mp3");
    }

    @Test
    void urlWithAnExtension_staysAsStored() {
        assertThat(Recordings.playableUrl(TWILIO + ".mp3")).isEqualTo(TWILIO + ".mp3");
        assertThat(Recordings.playableUrl(TWILIO + ".wav")).isEqualTo(TWILIO + ".wav");
    }

    @Test
    void queryString_staysAfterTheExtension() {
        assertThat(Recordings.playableUrl(TWILIO + "?RequestedChannels=2#t=5"))
                .isEqualTo(TWILIO + ".mp3?RequestedChannels=2#t=5");
    }

    @Test
    void dotInHostOrEarlierSegment_doesNotCountAsExtension() {
        assertThat(Recordings.playableUrl("https://media.example.com/v1.2/recordings/RE9"))
                .isEqualTo("https://media.example.com/v1.2/recordings/RE9.mp3");
    }

    @Test
    void missingUrl_staysMissing() {
        assertThat(Recordings.playableUrl(null)).isNull();
        assertThat(Recordings.playableUrl("  ")).isNull();
    }

    @Test
    void malformedStoredUrl_failsNamingIt() {
        assertThatThrownBy(() -> Recordings.playableUrl("https://exa mple.com/RE1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("exa mple");
    }
}
