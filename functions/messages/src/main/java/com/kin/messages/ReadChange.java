package com.kin.messages;

import com.kin.core.error.BadRequestError;
import com.kin.core.validation.FieldErrors;
import io.micronaut.json.tree.JsonNode;
import java.util.Map;

/** Reads the body of {@code PATCH /api/messages/{id}}: {@code {"read": true | false}}, and nothing else. */
final class ReadChange {

    private ReadChange() {
    }

    /** Whether the message is to be read ({@code true}) or unread; 400 for anything but a one-field boolean body. */
    static boolean parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new BadRequestError("messages - the body must be a JSON object");
        }
        FieldErrors errors = new FieldErrors("messages");
        JsonNode read = body.get("read");
        if (read == null) {
            errors.add("read", "is required: true or false");
        } else if (!read.isBoolean()) {
            errors.add("read", "must be true or false");
        }
        for (Map.Entry<String, JsonNode> entry : body.entries()) {
            if (!entry.getKey().equals("read")) {
                errors.add(entry.getKey(), "unknown field");
            }
        }
        errors.throwIfAny();
        return read.getBooleanValue();
    }
}
