package com.kin.snapstart;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a payload-2.0 event in the shape of the repository's {@code events/*.json} into the Lambda event type. The
 * function jar has no Lambda serializer (the runtime brings its own), so the fields a read-only route needs are mapped
 * from Micronaut's JSON tree: path, query, headers, path parameters, HTTP method, request id and JWT claims.
 */
final class PrimingEvent {

    private PrimingEvent() {
    }

    static APIGatewayV2HTTPEvent read(JsonMapper json, byte[] bytes) throws IOException {
        JsonNode root = json.readValue(bytes, JsonNode.class);
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setVersion(text(root, "version"));
        event.setRouteKey(text(root, "routeKey"));
        event.setRawPath(text(root, "rawPath"));
        event.setRawQueryString(text(root, "rawQueryString"));
        event.setHeaders(strings(root.get("headers")));
        event.setQueryStringParameters(strings(root.get("queryStringParameters")));
        event.setPathParameters(strings(root.get("pathParameters")));
        event.setBody(text(root, "body"));
        event.setRequestContext(requestContext(root.get("requestContext")));
        return event;
    }

    private static RequestContext requestContext(JsonNode node) throws IOException {
        if (node == null || !node.isObject() || node.get("http") == null) {
            throw new IOException("priming event has no requestContext.http");
        }
        RequestContext context = new RequestContext();
        context.setRouteKey(text(node, "routeKey"));
        context.setAccountId(text(node, "accountId"));
        context.setApiId(text(node, "apiId"));
        context.setDomainName(text(node, "domainName"));
        context.setStage(text(node, "stage"));
        context.setRequestId(text(node, "requestId"));
        context.setTime(text(node, "time"));
        JsonNode epoch = node.get("timeEpoch");
        context.setTimeEpoch(epoch != null && epoch.isNumber() ? epoch.getLongValue() : 0L);
        JsonNode httpNode = node.get("http");
        RequestContext.Http http = new RequestContext.Http();
        http.setMethod(text(httpNode, "method"));
        http.setPath(text(httpNode, "path"));
        http.setProtocol(text(httpNode, "protocol"));
        http.setSourceIp(text(httpNode, "sourceIp"));
        http.setUserAgent(text(httpNode, "userAgent"));
        context.setHttp(http);
        JsonNode jwtNode = node.get("authorizer") == null ? null : node.get("authorizer").get("jwt");
        if (jwtNode != null && jwtNode.isObject()) {
            RequestContext.Authorizer.JWT jwt = new RequestContext.Authorizer.JWT();
            jwt.setClaims(strings(jwtNode.get("claims")));
            RequestContext.Authorizer authorizer = new RequestContext.Authorizer();
            authorizer.setJwt(jwt);
            context.setAuthorizer(authorizer);
        }
        return context;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.coerceStringValue();
    }

    private static Map<String, String> strings(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.entries()) {
            if (!entry.getValue().isNull()) {
                values.put(entry.getKey(), entry.getValue().coerceStringValue());
            }
        }
        return values;
    }
}
