package com.kin.observability.http;

import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpRequest;

/**
 * Names a request by its method and matched route template, never its raw path, so the label set stays bounded:
 * {@code GET:/api/contacts/{id}}. A colon, not API Gateway's space, joins them because CloudWatch dimension values
 * written through Powertools may not contain whitespace, and logs use the same label so one search string serves both.
 */
final class RouteLabel {

    /** The label of a request no route matched (404, 405); one value however many paths are probed. */
    static final String UNMATCHED = "UNMATCHED";
    static final String SEPARATOR = ":";

    private RouteLabel() {
    }

    static String of(HttpRequest<?> request) {
        return BasicHttpAttributes.getUriTemplate(request)
                .map(template -> request.getMethodName() + SEPARATOR + template)
                .orElse(UNMATCHED);
    }
}
