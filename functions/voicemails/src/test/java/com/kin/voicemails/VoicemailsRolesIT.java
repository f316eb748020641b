package com.kin.voicemails;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.testing.LambdaEvents;
import com.kin.testing.SampleCaller;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code GET} and {@code PATCH /api/voicemails/{id}} as each role, over every voicemail of {@link VoicemailScenario}:
 * an agent sees its own and its department's unassigned ones, the sales manager its department's queue and its agents'
 * voicemails, the admin everything; anything else reads as 404 and is not changed.
 */
class VoicemailsRolesIT extends VoicemailScenario {

    @ParameterizedTest(name = "{0} reads VM{1}: {2}")
    @CsvSource({
        "AGENT1, 1, 200", "AGENT1, 2, 404", "AGENT1, 3, 200", "AGENT1, 4, 404", "AGENT1, 6, 404",
        "AGENT2, 1, 404", "AGENT2, 2, 200", "AGENT2, 3, 404", "AGENT2, 4, 200", "AGENT2, 6, 200",
        "MANAGER, 1, 200", "MANAGER, 2, 404", "MANAGER, 3, 200", "MANAGER, 4, 404", "MANAGER, 6, 200",
        "ADMIN, 1, 200", "ADMIN, 2, 200", "ADMIN, 3, 200", "ADMIN, 4, 200", "ADMIN, 6, 200"})
    void get_asEachRole(SampleCaller caller, int n, int status) {
        UUID id = id(n);
        APIGatewayV2HTTPResponse response = function.invoke(caller.on(LambdaEvents.http("voicemails/get.json",
                json -> json.replace(VM1.toString(), id.toString()))));

        if (status == 200) {
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
            assertThat(response.getHeaders()).containsEntry("ETag", "\"1\"");
            assertThat(function.body(response).get("id").getStringValue()).isEqualTo(id.toString());
        } else {
            assertProblem(response, status);
        }
    }

    @ParameterizedTest(name = "{0} changes VM{1}: {2}")
    @CsvSource({
        "AGENT1, 1, 200", "AGENT1, 2, 404", "AGENT1, 3, 200", "AGENT1, 4, 404",
        "MANAGER, 1, 200", "MANAGER, 2, 404", "MANAGER, 3, 200", "MANAGER, 6, 200",
        "ADMIN, 1, 200", "ADMIN, 2, 200", "ADMIN, 4, 200", "ADMIN, 6, 200"})
    void update_asEachRole_changesOnlyWhatItMaySee(SampleCaller caller, int n, int status) {
        UUID id = id(n);
        VoicemailData.Stored before = VoicemailData.stored(db.dataSource(), id);

        APIGatewayV2HTTPResponse response = function.invoke(caller.on(LambdaEvents.http("voicemails/update.json",
                json -> json.replace(VM1.toString(), id.toString()))));

        VoicemailData.Stored after = VoicemailData.stored(db.dataSource(), id);
        if (status == 200) {
            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
            assertThat(response.getHeaders()).containsEntry("ETag", "\"2\"");
            assertThat(after).isEqualTo(new VoicemailData.Stored("high", true, before.assignedToId(), 2));
        } else {
            assertProblem(response, status);
            assertThat(after).isEqualTo(before);
        }
    }
}
