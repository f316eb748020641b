package com.kin.messages;

import com.kin.core.error.BadRequestError;
import com.kin.core.template.TemplateRenderer;
import com.kin.core.validation.FieldErrors;
import com.kin.core.validation.Ids;
import com.kin.core.validation.PhoneNumbers;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A checked body of {@code POST /api/messages}: the recipient, {@code contactId} or {@code to} (any notation, kept in
 * E.164), and the text, {@code body} or {@code templateId} with {@code variables} (filled in at send time). Every problem is
 * reported in one 400.
 */
record SendRequest(@Nullable UUID contactId, @Nullable String to, @Nullable String body, @Nullable UUID templateId,
                   Map<String, String> variables) {

    private static final Set<String> FIELDS = Set.of("contactId", "to", "body", "templateId", "variables");

    static SendRequest parse(JsonNode json, PhoneNumbers phones) {
        if (json == null || !json.isObject()) {
            throw new BadRequestError("messages - the body must be a JSON object");
        }
        FieldErrors errors = new FieldErrors("messages");
        exactlyOne(json, "contactId", "to", "give either contactId or to (a phone number), not both and not neither",
                errors);
        exactlyOne(json, "body", "templateId", "give either body or templateId, not both and not neither", errors);
        UUID contactId = uuid(json, "contactId", errors);
        String to = phone(json, phones, errors);
        String body = body(json, errors);
        UUID templateId = uuid(json, "templateId", errors);
        Map<String, String> variables = variables(json.get("variables"), json.get("templateId") != null, errors);
        json.entries().forEach(entry -> {
            if (!FIELDS.contains(entry.getKey())) {
                errors.add(entry.getKey(), "unknown field");
            }
        });
        errors.throwIfAny();
        return new SendRequest(contactId, to, body, templateId, variables);
    }

    private static void exactlyOne(JsonNode json, String field, String other, String problem, FieldErrors errors) {
        if ((json.get(field) == null) == (json.get(other) == null)) {
            errors.add(field, problem);
        }
    }

    /** The {@code to} number in E.164. */
    private static String phone(JsonNode json, PhoneNumbers phones, FieldErrors errors) {
        String to = text(json, "to", errors);
        String e164 = to == null ? null : phones.toE164(to).orElse(null);
        if (to != null && e164 == null) {
            errors.add("to", "is not a valid phone number");
        }
        return e164;
    }

    private static String body(JsonNode json, FieldErrors errors) {
        String body = text(json, "body", errors);
        if (body != null && (body.isBlank() || body.codePointCount(0, body.length()) > TemplateRenderer.MAX_LENGTH)) {
            errors.add("body", "must be 1 to " + TemplateRenderer.MAX_LENGTH + " characters and not blank");
        }
        return body;
    }

    private static String text(JsonNode json, String field, FieldErrors errors) {
        JsonNode node = json.get(field);
        if (node == null) {
            return null;
        }
        if (!node.isString()) {
            errors.add(field, "must be a string");
            return null;
        }
        return node.getStringValue();
    }

    private static UUID uuid(JsonNode json, String field, FieldErrors errors) {
        JsonNode node = json.get(field);
        if (node == null) {
            return null;
        }
        if (!node.isString() || !Ids.isUuid(node.getStringValue())) {
            errors.add(field, "must be an id (UUID)");
            return null;
        }
        return UUID.fromString(node.getStringValue());
    }

    private static Map<String, String> variables(JsonNode node, boolean withTemplate, FieldErrors errors) {
        if (node == null) {
            return Map.of();
        }
        if (!withTemplate) {
            errors.add("variables", "only go with a templateId");
            return Map.of();
        }
        if (!node.isObject()) {
            errors.add("variables", "must be an object of names to text values");
            return Map.of();
        }
        Map<String, String> variables = new LinkedHashMap<>();
        node.entries().forEach(entry -> {
            if (entry.getValue().isString()) {
                variables.put(entry.getKey(), entry.getValue().getStringValue());
            } else {
                errors.add("variables." + entry.getKey(), "must be a string");
            }
        });
        return variables;
    }
}
