package com.kin.users;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.kin.testing.LambdaEvents;
import com.kin.testing.SampleUsers;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The users events of {@code events/users}, edited the way a test needs: another caller, query or body. */
final class UserRequests {

    private UserRequests() {
    }

    static APIGatewayV2HTTPEvent event(String name) {
        return LambdaEvents.http("users/" + name + ".json");
    }

    /** The event sent by {@code userId} with {@code role} and {@code department} (null for none). */
    static APIGatewayV2HTTPEvent as(APIGatewayV2HTTPEvent event, UUID userId, String role, String department) {
        Map<String, String> claims = event.getRequestContext().getAuthorizer().getJwt().getClaims();
        claims.put("sub", userId.toString());
        claims.put("role", role);
        if (department == null) {
            claims.remove("department");
        } else {
            claims.put("department", department);
        }
        return event;
    }

    static APIGatewayV2HTTPEvent asManager(APIGatewayV2HTTPEvent event) {
        return as(event, SampleUsers.MANAGER, "manager", "sales");
    }

    static APIGatewayV2HTTPEvent asAgent(APIGatewayV2HTTPEvent event) {
        return as(event, SampleUsers.AGENT1, "agent", "sales");
    }

    static APIGatewayV2HTTPEvent withQuery(APIGatewayV2HTTPEvent event, String rawQuery) {
        event.setRawQueryString(rawQuery);
        Map<String, String> params = new LinkedHashMap<>();
        if (!rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        event.setQueryStringParameters(params);
        return event;
    }

    /** The event aimed at another user id (path and path parameter). */
    static APIGatewayV2HTTPEvent forUser(APIGatewayV2HTTPEvent event, UUID id) {
        String path = "/api/users/" + id;
        event.setRawPath(path);
        event.getRequestContext().getHttp().setPath(path);
        event.setPathParameters(Map.of("id", id.toString()));
        return event;
    }

    static APIGatewayV2HTTPEvent withBody(APIGatewayV2HTTPEvent event, String body) {
        event.setBody(body);
        return event;
    }

    static APIGatewayV2HTTPEvent withIfMatch(APIGatewayV2HTTPEvent event, String etag) {
        event.getHeaders().put("if-match", etag);
        return event;
    }
}
