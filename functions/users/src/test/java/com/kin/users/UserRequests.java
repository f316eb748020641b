package com.kin.users;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.kin.testing.LambdaEvents;
import com.kin.testing.SampleUsers;
import java.util.Map;
import java.util.UUID;

/** The users events of {@code events/users}, edited the way a test needs: another caller, query or body. */
final class UserRequests {

    private UserRequests() {
    }

    static APIGatewayV2HTTPEvent event(String name) {
        return LambdaEvents.http("users/" + name + ".json");
    }


    static APIGatewayV2HTTPEvent asManager(APIGatewayV2HTTPEvent event) {
        return LambdaEvents.as(event, SampleUsers.MANAGER, "manager", "sales");
    }

    static APIGatewayV2HTTPEvent asAgent(APIGatewayV2HTTPEvent event) {
        return LambdaEvents.as(event, SampleUsers.AGENT1, "agent", "sales");
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
