package com.kin.voicemails;

import com.kin.core.domain.VoicemailPriority;
import com.kin.core.error.BadRequestError;
import com.kin.core.validation.FieldErrors;
import com.kin.core.validation.Ids;
import com.kin.data.voicemails.VoicemailChanges;
import io.micronaut.json.tree.JsonNode;
import java.util.Map;
import java.util.UUID;

/**
 * Reads a voicemail update body, {@code {"read": true|false, "priority": "low|normal|high|urgent", "assignedToId": "..."}},
 * any of them, checking every field and reporting all problems at once. An unknown field is an error, so a misspelt name
 * never silently does nothing.
 */
final class VoicemailInput {

    private VoicemailInput() {
    }

    static VoicemailChanges forUpdate(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new BadRequestError("voicemails - the body must be a JSON object");
        }
        FieldErrors errors = new FieldErrors("voicemails");
        Boolean read = null;
        VoicemailPriority priority = null;
        UUID assignee = null;
        for (Map.Entry<String, JsonNode> entry : body.entries()) {
            JsonNode value = entry.getValue();
            switch (entry.getKey()) {
                case "read" -> read = read(value, errors);
                case "priority" -> priority = priority(value, errors);
                case "assignedToId" -> assignee = assignee(value, errors);
                default -> errors.add(entry.getKey(), "unknown field");
            }
        }
        errors.throwIfAny();
        VoicemailChanges changes = new VoicemailChanges(read, priority, assignee);
        if (changes.isEmpty()) {
            throw new BadRequestError("voicemails - the update names no field to change (read, priority, assignedToId)");
        }
        return changes;
    }

    private static Boolean read(JsonNode value, FieldErrors errors) {
        if (!value.isBoolean()) {
            errors.add("read", "must be true or false");
            return null;
        }
        return value.getBooleanValue();
    }

    private static VoicemailPriority priority(JsonNode value, FieldErrors errors) {
        VoicemailPriority priority = value.isString() ? VoicemailPriority.fromWire(value.getStringValue()).orElse(null) : null;
        if (priority == null) {
            errors.add("priority", "must be low, normal, high or urgent");
        }
        return priority;
    }

    /** A user id; unassigning (null) is not offered: a voicemail is handed from one person to another. */
    static UUID assignee(JsonNode value, FieldErrors errors) {
        if (value == null || !value.isString() || !Ids.isUuid(value.getStringValue())) {
            errors.add("assignedToId", "must be the id (UUID) of the user to assign the voicemail to");
            return null;
        }
        return UUID.fromString(value.getStringValue());
    }
}
