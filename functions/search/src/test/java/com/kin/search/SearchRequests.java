package com.kin.search;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.kin.testing.LambdaEvents;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** events/search/search.json, edited the way a test needs: another caller or query. */
final class SearchRequests {

    private SearchRequests() {
    }

    /** The sample search with {@code rawQuery} (URL-encoded), sent by {@code userId} ({@code department} null for none). */
    static APIGatewayV2HTTPEvent search(UUID userId, String role, String department, String rawQuery) {
        APIGatewayV2HTTPEvent event = query(LambdaEvents.http("search/search.json"), rawQuery);
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

    /** The event with {@code rawQuery} (URL-encoded, as API Gateway passes it) and its decoded parameters. */
    static APIGatewayV2HTTPEvent query(APIGatewayV2HTTPEvent event, String rawQuery) {
        event.setRawQueryString(rawQuery);
        Map<String, String> params = new LinkedHashMap<>();
        if (!rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(kv[0], URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
            }
        }
        event.setQueryStringParameters(params);
        return event;
    }
}
