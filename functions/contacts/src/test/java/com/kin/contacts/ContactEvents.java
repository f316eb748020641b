package com.kin.contacts;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.kin.testing.LambdaEvents;
import com.kin.testing.SampleUsers;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The events/contacts samples, changed the way a test needs: another body, query, contact or caller. */
final class ContactEvents {

    private static final String SAMPLE_ID = ContactsHandlerIT.C1.toString();

    private ContactEvents() {
    }

    static APIGatewayV2HTTPEvent create(String body) {
        return withBody(LambdaEvents.http("contacts/create.json"), body);
    }

    static APIGatewayV2HTTPEvent update(UUID id, String body) {
        return withBody(LambdaEvents.http("contacts/update.json", json -> json.replace(SAMPLE_ID, id.toString())), body);
    }

    static APIGatewayV2HTTPEvent delete(UUID id) {
        return LambdaEvents.http("contacts/delete.json", json -> json.replace(SAMPLE_ID, id.toString()));
    }

    static APIGatewayV2HTTPEvent get(UUID id) {
        return LambdaEvents.http("contacts/get.json", json -> json.replace(SAMPLE_ID, id.toString()));
    }

    static APIGatewayV2HTTPEvent bulk(String body) {
        return withBody(LambdaEvents.http("contacts/bulk.json"), body);
    }

    static APIGatewayV2HTTPEvent list(String query) {
        return LambdaEvents.withQuery(LambdaEvents.http("contacts/list.json"), query);
    }

    /** The event as the sales manager sends it. */
    static APIGatewayV2HTTPEvent asManager(APIGatewayV2HTTPEvent event) {
        return LambdaEvents.as(event, SampleUsers.MANAGER, "manager", "sales");
    }

    static APIGatewayV2HTTPEvent asAdmin(APIGatewayV2HTTPEvent event) {
        return LambdaEvents.as(event, SampleUsers.ADMIN, "admin", null);
    }

    /** The sample with another body, and without its Idempotency-Key: one key with several bodies would be a 422. */
    static APIGatewayV2HTTPEvent withBody(APIGatewayV2HTTPEvent event, String body) {
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.remove("idempotency-key");
        headers.remove("if-match");
        event.setHeaders(headers);
        event.setBody(body);
        return event;
    }
}
