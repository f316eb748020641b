package com.kin.core.web;

import io.micronaut.http.server.exceptions.response.Error;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns Micronaut's validation paths ({@code create.body.email}) into the field names a client sent ({@code email}). */
final class FieldPaths {

    private FieldPaths() {
    }

    static Map<String, String> fieldErrors(List<Error> errors) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Error error : errors) {
            error.getPath().map(FieldPaths::clientField)
                    .ifPresent(field -> fields.putIfAbsent(field, error.getMessage()));
        }
        return fields;
    }

    static String clientField(String path) {
        String[] parts = path.split("\\.");
        int start = 0;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].equals("body") || parts[i].startsWith("body[")) {
                start = i + 1;
            }
        }
        if (start == 0 && parts.length > 1) {
            start = 1;
        }
        return String.join(".", java.util.Arrays.copyOfRange(parts, Math.min(start, parts.length - 1), parts.length));
    }
}
