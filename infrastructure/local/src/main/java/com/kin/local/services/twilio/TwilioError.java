package com.kin.local.services.twilio;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error as Twilio's REST API answers it: HTTP {@code status} and the body {@code {"code","message","more_info",
 * "status"}} that the SDK turns into an {@code ApiException} carrying the code.
 */
record TwilioError(int status, int code, String message) {

    static TwilioError authenticate() {
        return new TwilioError(401, 20003, "Authenticate");
    }

    static TwilioError notFound(String path) {
        return new TwilioError(404, 20404, "The requested resource " + path + " was not found");
    }

    static TwilioError methodNotAllowed(String method) {
        return new TwilioError(405, 20004, "Method " + method + " not allowed");
    }

    static TwilioError badRequest(int code, String message) {
        return new TwilioError(400, code, message);
    }

    /** The JSON body, in the field order Twilio uses. */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        body.put("more_info", "https://www.twilio.com/docs/errors/" + code);
        body.put("status", status);
        return body;
    }
}
