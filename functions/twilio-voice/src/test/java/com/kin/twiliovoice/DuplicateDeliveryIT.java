package com.kin.twiliovoice;

import static com.kin.twiliovoice.VoiceData.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Twilio's retry of a delivery: the same signed request, with the same {@code I-Twilio-Idempotency-Token}, delivered
 * again after the first one was processed. The token is only logged; the SID each write is keyed on makes the second
 * delivery change nothing (shared/twilio README, "Duplicates"). One case per voice webhook kind.
 */
class DuplicateDeliveryIT {

    static TestDatabase database;
    static VoiceFunction function;
    VoiceData data;

    @BeforeAll
    static void start() {
        database = TestDatabase.get();
    }

    @BeforeEach
    void reset() {
        function = new VoiceFunction(database, Map.of());
        data = VoiceData.reset(database);
    }

    @AfterEach
    void stop() {
        function.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {VoiceSamples.INBOUND_CALL, VoiceSamples.STATUS, VoiceSamples.RECORDING,
            VoiceSamples.TRANSCRIPTION})
    void sameDeliveryTwice_withTheSameIdempotencyToken_changesNothing(String kind) {
        if (!kind.equals(VoiceSamples.INBOUND_CALL)) {
            assertThat(function.invoke(sample(VoiceSamples.INBOUND_CALL)).getStatusCode()).isEqualTo(200);
        }
        APIGatewayV2HTTPEvent first = sample(kind);
        APIGatewayV2HTTPEvent retry = sample(kind);
        assertThat(token(retry)).isNotBlank().isEqualTo(token(first));
        APIGatewayV2HTTPResponse firstAnswer = function.invoke(first);
        assertThat(firstAnswer.getStatusCode()).as(firstAnswer.getBody()).isIn(200, 204);
        String afterFirst = snapshot();

        APIGatewayV2HTTPResponse retryAnswer = function.invoke(retry);

        assertThat(retryAnswer.getStatusCode()).isEqualTo(firstAnswer.getStatusCode());
        assertThat(snapshot()).isEqualTo(afterFirst);
        assertThat(data.db.count("select (select count(*) from calls) + (select count(*) from voicemails)"))
                .isEqualTo(kind.equals(VoiceSamples.INBOUND_CALL) || kind.equals(VoiceSamples.STATUS) ? 1 : 2);
    }

    private static String token(APIGatewayV2HTTPEvent event) {
        return event.getHeaders().get("i-twilio-idempotency-token");
    }

    /** Every row the voice webhooks write, whole, in a stable order. */
    private String snapshot() {
        return String.valueOf(data.db.row("select "
                + "(select coalesce(json_agg(c order by c.id)::text, '') from calls c) as calls, "
                + "(select coalesce(json_agg(v order by v.id)::text, '') from voicemails v) as voicemails, "
                + "(select coalesce(json_agg(k order by k.id)::text, '') from contacts k) as contacts"));
    }
}
