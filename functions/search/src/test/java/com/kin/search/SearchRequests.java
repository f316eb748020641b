package com.kin.search;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.kin.testing.LambdaEvents;
import java.util.UUID;

/** events/search/search.json, edited the way a test needs: another caller or query. */
final class SearchRequests {

    private SearchRequests() {
    }

    /** The sample search with {@code rawQuery} (URL-encoded), sent by {@code userId} ({@code department} null for none). */
    static APIGatewayV2HTTPEvent search(UUID userId, String role, String department, String rawQuery) {
        return LambdaEvents.as(query(LambdaEvents.http("search/search.json"), rawQuery), userId, role, department);
    }

    /** The event with {@code rawQuery} (URL-encoded, as API Gateway passes it) and its decoded parameters. */
    static APIGatewayV2HTTPEvent query(APIGatewayV2HTTPEvent event, String rawQuery) {
        return LambdaEvents.withQuery(event, rawQuery);
    }
}
