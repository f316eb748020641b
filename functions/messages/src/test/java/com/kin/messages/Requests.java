package com.kin.messages;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
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


    static String nextCursor(JsonNode page) {
        JsonNode next = page.get("nextCursor");
        return next == null || next.isNull() ? null : next.getStringValue();
    }
}
