package com.kin.twilio.twiml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class VoiceResponsesTest {

    static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
    static final Voicemail VOICEMAIL = new Voicemail("Please leave a message after the tone.", 120,
            URI.create("https://hooks.kin.example/voice/transcription?call=1&kind=vm"),
            URI.create("https://hooks.kin.example/voice/recording"));
    static final String VOICEMAIL_XML = XML + "<Response><Say>Please leave a message after the tone.</Say>"
            + "<Record maxLength=\"120\" recordingStatusCallback=\"https://hooks.kin.example/voice/recording\""
            + " recordingStatusCallbackEvent=\"completed\" transcribe=\"true\""
            + " transcribeCallback=\"https://hooks.kin.example/voice/transcription?call=1&amp;kind=vm\"/></Response>";

    @Test
    void routeToAgents_dialsEveryClientWithTimeoutAndAction() {
        String twiml = VoiceResponses.routeToAgents(List.of("agent-7", "agent-9"), 20,
                URI.create("https://hooks.kin.example/voice/dial-status"));

        assertThat(twiml).isEqualTo(XML + "<Response><Dial action=\"https://hooks.kin.example/voice/dial-status\""
                + " timeout=\"20\"><Client>agent-7</Client><Client>agent-9</Client></Dial></Response>");
    }

    @Test
    void routeToAgents_withoutAgentsOrWithOutOfRangeTimeout_isRefused() {
        URI action = URI.create("https://hooks.kin.example/voice/dial-status");

        assertThatThrownBy(() -> VoiceResponses.routeToAgents(List.of(), 20, action))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one client");
        assertThatThrownBy(() -> VoiceResponses.routeToAgents(List.of("a"), 601, action))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5..600");
    }

    @Test
    void dialNumber_connectsToTheNumberShowingTheCallerId() {
        assertThat(VoiceResponses.dialNumber("+14155550132", "+15017122661")).isEqualTo(XML
                + "<Response><Dial callerId=\"+15017122661\"><Number>+14155550132</Number></Dial></Response>");
    }

    @Test
    void voicemail_greetsThenRecordsWithTranscription() {
        assertThat(VoiceResponses.voicemail(VOICEMAIL)).isEqualTo(VOICEMAIL_XML);
    }

    @Test
    void hangup_endsTheCall() {
        assertThat(VoiceResponses.hangup()).isEqualTo(XML + "<Response><Hangup/></Response>");
    }

    @Test
    void voicemail_longerThanTwilioTranscribes_isRefused() {
        assertThatThrownBy(() -> new Voicemail("hi", 121, URI.create("https://a.example/t"), URI.create("https://a.example/r")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..120");
    }
}
