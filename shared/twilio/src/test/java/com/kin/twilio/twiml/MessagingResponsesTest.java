package com.kin.twilio.twiml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessagingResponsesTest {

    static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
    static final String HELP_TEXT = "KIN: reply STOP to opt out. Help: support@kin.example";

    @Test
    void empty_isAnEmptyResponse() {
        assertThat(MessagingResponses.empty()).isEqualTo(XML + "<Response/>");
    }

    @Test
    void reply_escapesTheText() {
        assertThat(MessagingResponses.reply("Fish & <chips>")).isEqualTo(
                XML + "<Response><Message>Fish &amp; &lt;chips&gt;</Message></Response>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"HELP", "help", "  Help\n"})
    void forInbound_helpKeyword_repliesWithHelpText(String body) {
        assertThat(MessagingResponses.forInbound(body, HELP_TEXT)).isEqualTo(
                XML + "<Response><Message>" + HELP_TEXT + "</Message></Response>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hello", "help me", "HELPFUL", ""})
    void forInbound_otherText_noReply(String body) {
        assertThat(MessagingResponses.forInbound(body, HELP_TEXT)).isEqualTo(XML + "<Response/>");
    }
}
