package com.kin.twilio.twiml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessagingResponsesTest {

    static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    @Test
    void empty_isAnEmptyResponse() {
        assertThat(MessagingResponses.empty()).isEqualTo(XML + "<Response/>");
    }

    @Test
    void reply_escapesTheText() {
        assertThat(MessagingResponses.reply("Fish & <chips>")).isEqualTo(
                XML + "<Response><Message>Fish &amp; &lt;chips&gt;</Message></Response>");
    }
}
