package com.kin.bulksms;

import com.kin.core.error.BadRequestError;
import com.kin.core.template.TemplateRenderer;
import com.kin.core.validation.FieldErrors;
import com.kin.core.validation.Ids;
import com.kin.core.validation.Tags;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A validated bulk SMS request: {@code {"templateId": "..." | "body": "...", "variables": {"name": "value"},
 * "contactIds": [...] | "tag": "..."}}. Exactly one of templateId and body, exactly one of contactIds (1 to
 * {@value #MAX_RECIPIENTS} distinct ids) and tag. Every problem is reported at once (400).
 */
record BulkSmsRequest(
        @Nullable UUID templateId,
        @Nullable String body,
        Map<String, String> variables,
        List<UUID> contactIds,
        @Nullable String tag) {

    static final int MAX_RECIPIENTS = 10_000;
    private static final Set<String> FIELDS = Set.of("templateId", "body", "variables", "contactIds", "tag");
    private static final Pattern VARIABLE_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,31}");

    static BulkSmsRequest parse(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new BadRequestError("bulk sms - the body must be a JSON object");
        }
        FieldErrors errors = new FieldErrors("bulk sms");
        json.entries().forEach(entry -> {
            if (!FIELDS.contains(entry.getKey())) {
                errors.add(entry.getKey(), "unknown field");
            }
        });
        UUID templateId = templateId(json.get("templateId"), json.get("body") != null, errors);
        String body = body(json.get("body"), errors);
        Map<String, String> variables = variables(json.get("variables"), errors);
        List<UUID> contactIds = contactIds(json.get("contactIds"), json.get("tag") != null, errors);
        String tag = tag(json.get("tag"), errors);
        errors.throwIfAny();
        return new BulkSmsRequest(templateId, body, variables, contactIds, tag);
    }

    private static UUID templateId(JsonNode node, boolean hasBody, FieldErrors errors) {
        if (node == null) {
            if (!hasBody) {
                errors.add("body", "is required unless a templateId is given");
            }
            return null;
        }
        if (hasBody) {
            errors.add("templateId", "give either templateId or body, not both");
        }
        if (!node.isString() || !Ids.isUuid(node.getStringValue())) {
            errors.add("templateId", "must be a template id (UUID)");
            return null;
        }
        return UUID.fromString(node.getStringValue());
    }

    private static String body(JsonNode node, FieldErrors errors) {
        if (node == null) {
            return null;
        }
        String text = node.isString() ? node.getStringValue() : null;
        int length = text == null ? 0 : text.codePointCount(0, text.length());
        if (text == null || text.isBlank() || length > TemplateRenderer.MAX_LENGTH) {
            errors.add("body", "must be a text of 1 to " + TemplateRenderer.MAX_LENGTH + " characters");
            return null;
        }
        return text;
    }

    private static Map<String, String> variables(JsonNode node, FieldErrors errors) {
        Map<String, String> variables = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return variables;
        }
        if (!node.isObject()) {
            errors.add("variables", "must be an object of names to texts");
            return variables;
        }
        for (Map.Entry<String, JsonNode> entry : node.entries()) {
            String field = "variables." + entry.getKey();
            if (!VARIABLE_NAME.matcher(entry.getKey()).matches()) {
                errors.add(field, "is not a placeholder name: 1-32 letters, digits or '_', starting with a letter");
            } else if (!entry.getValue().isString()
                    || entry.getValue().getStringValue().length() > TemplateRenderer.MAX_LENGTH) {
                errors.add(field, "must be a text of at most " + TemplateRenderer.MAX_LENGTH + " characters");
            } else {
                variables.put(entry.getKey(), entry.getValue().getStringValue());
            }
        }
        return variables;
    }

    private static List<UUID> contactIds(JsonNode node, boolean hasTag, FieldErrors errors) {
        if (node == null) {
            if (!hasTag) {
                errors.add("contactIds", "is required unless a tag is given");
            }
            return List.of();
        }
        if (hasTag) {
            errors.add("contactIds", "give either contactIds or tag, not both");
        }
        if (!node.isArray() || node.size() == 0 || node.size() > MAX_RECIPIENTS) {
            errors.add("contactIds", "must be an array of 1 to " + MAX_RECIPIENTS + " contact ids");
            return List.of();
        }
        Set<UUID> ids = new LinkedHashSet<>();
        for (JsonNode id : node.values()) {
            if (!id.isString() || !Ids.isUuid(id.getStringValue())) {
                errors.add("contactIds", "every id must be a UUID");
                return List.of();
            }
            ids.add(UUID.fromString(id.getStringValue()));
        }
        return List.copyOf(ids);
    }

    private static String tag(JsonNode node, FieldErrors errors) {
        if (node == null) {
            return null;
        }
        String tag = node.isString() ? node.getStringValue().strip().toLowerCase(Locale.ROOT) : null;
        if (!Tags.isValid(tag)) {
            errors.add("tag", "must be a tag: 1-32 letters, digits, '-' or '_', starting with a letter or digit");
            return null;
        }
        return tag;
    }
}
