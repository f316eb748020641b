package com.kin.messages;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.testing.LambdaEvents;
import com.kin.testing.SampleUsers;
import io.micronaut.json.tree.JsonNode;
import java.util.Map;
import java.util.UUID;

/** Edits of the sample events (role, query, path) and checks of problem answers, shared by the message ITs. */
final class Requests {

    private Requests() {
    }

    /** The sample event as another role: an admin (no department), the sales manager, or agent 2 (support). */
    static APIGatewayV2HTTPEvent as(String role, APIGatewayV2HTTPEvent event) {
        Map<String, String> claims = event.getRequestContext().getAuthorizer().getJwt().getClaims();
        UUID sub = switch (role) {
            case "admin" -> SampleUsers.ADMIN;
            case "manager" -> SampleUsers.MANAGER;
            case "agent2" -> SampleUsers.AGENT2;
            default -> throw new IllegalArgumentException(role);
        };
        claims.put("sub", sub.toString());
        claims.put("role", role.startsWith("agent") ? "agent" : role);
        switch (role) {
            case "admin" -> claims.remove("department");
            case "agent2" -> claims.put("department", "support");
            default -> claims.put("department", "sales");
        }
        return event;
    }


    /** The sample event of {@code file} with every occurrence of {@code from} replaced by {@code to}. */
    static APIGatewayV2HTTPEvent replacing(String file, Object from, Object to) {
        return LambdaEvents.http(file, json -> json.replace(from.toString(), to.toString()));
    }

    static JsonNode assertProblem(MessagesFunction function, APIGatewayV2HTTPResponse response, int status, String field) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().get("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = function.body(response);
        assertThat(problem.get("status").getIntValue()).isEqualTo(status);
        assertThat(problem.get("requestId")).isNotNull();
        assertThat(response.getBody()).doesNotContain("Exception").doesNotContain("select ");
        if (field != null) {
            assertThat(problem.get("errors").get(field)).as(response.getBody()).isNotNull();
        }
        return problem;
    }

    static String nextCursor(JsonNode page) {
        JsonNode next = page.get("nextCursor");
        return next == null || next.isNull() ? null : next.getStringValue();
    }
}
