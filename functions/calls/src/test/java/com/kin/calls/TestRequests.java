package com.kin.calls;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Edits of a sample event: another query string, or another caller. */
final class TestRequests {

    private TestRequests() {
    }

    /** The event with {@code rawQuery} (URL-encoded) as its query, decoded into parameters as API Gateway does. */
    static APIGatewayV2HTTPEvent withQuery(APIGatewayV2HTTPEvent event, String rawQuery) {
        event.setRawQueryString(rawQuery);
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (!pair.isEmpty()) {
                String[] kv = pair.split("=", 2);
                params.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
            }
        }
        event.setQueryStringParameters(params);
        return event;
    }

    /** The event as sent by {@code userId} with {@code role} in {@code department} (null: none). */
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

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
