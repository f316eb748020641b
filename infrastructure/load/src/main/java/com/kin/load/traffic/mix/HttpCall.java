package com.kin.load.traffic.mix;

import com.kin.load.traffic.RouteTemplate;
import java.util.Map;

/**
 * One request a virtual user is about to make: the route it is counted under, the path and query to send (relative to
 * the gateway), headers beyond the caller's token, and a body (null for none).
 */
public record HttpCall(RouteTemplate route, String pathAndQuery, Map<String, String> headers, String body) {

    public HttpCall {
        headers = Map.copyOf(headers);
    }

    /** True for Twilio's webhooks on function URLs: they carry a signature, not a user's token. */
    public boolean isWebhook() {
        return route.path().startsWith(Gateways.FUNCTION_URLS);
    }
}
