package com.kin.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reading health reports in tests. */
final class Reports {

    private Reports() {
    }

    /** The body holds none of the secrets {@link Dependencies} configures. */
    static void assertNoSecret(APIGatewayV2HTTPResponse response) {
        assertThat(response.getBody())
                .doesNotContain(Dependencies.TWILIO_AUTH_TOKEN)
                .doesNotContain(Dependencies.QUICKBASE_TOKEN)
                .doesNotContain(Dependencies.DB_PASSWORD);
    }

    static List<String> names(JsonNode body) {
        List<String> names = new ArrayList<>();
        body.get("parts").values().forEach(part -> names.add(part.get("name").getStringValue()));
        return names;
    }

    static JsonNode part(JsonNode body, String name) {
        for (JsonNode part : body.get("parts").values()) {
            if (part.get("name").getStringValue().equals(name)) {
                return part;
            }
        }
        throw new AssertionError("no part " + name + " in the report");
    }
}
