package com.kin.templates;

import com.kin.core.domain.MessageTemplate;
import com.kin.core.error.BadRequestError;
import com.kin.core.template.TemplateRenderer;
import com.kin.core.validation.FieldErrors;
import com.kin.data.templates.TemplateValues;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a template body (create or partial update), checking every field and reporting all problems at once. The stored
 * {@code variables} are always the body's placeholders ({@link TemplateRenderer#placeholders}); a client may send
 * {@code variables} too, as a check of its own, and then they must name exactly those placeholders.
 */
@Singleton
final class TemplateInput {

    private static final int MAX_NAME = 100;

    private final TemplateRenderer renderer;

    TemplateInput(TemplateRenderer renderer) {
        this.renderer = renderer;
    }

    TemplateValues forCreate(JsonNode json) {
        FieldErrors errors = new FieldErrors("templates");
        TemplatePatch fields = read(json, errors);
        if (fields.name() == null) {
            errors.add("name", "is required");
        }
        if (fields.body() == null) {
            errors.add("body", "is required");
            errors.throwIfAny();
        }
        return values(fields.name(), fields.body(), fields.variables(), errors);
    }

    TemplatePatch forUpdate(JsonNode json) {
        FieldErrors errors = new FieldErrors("templates");
        TemplatePatch fields = read(json, errors);
        errors.throwIfAny();
        if (fields.name() == null && fields.body() == null && fields.variables() == null) {
            throw new BadRequestError("templates - the update names no field to change");
        }
        return fields;
    }

    /** The stored values once {@code patch} is applied to {@code current}; 400 if the variables do not match the body. */
    TemplateValues apply(TemplatePatch patch, MessageTemplate current) {
        String name = patch.name() != null ? patch.name() : current.name();
        String body = patch.body() != null ? patch.body() : current.body();
        return values(name, body, patch.variables(), new FieldErrors("templates"));
    }

    private TemplateValues values(String name, String body, List<String> claimed, FieldErrors errors) {
        Optional<Set<String>> placeholders = renderer.placeholders(body, errors);
        if (claimed != null && placeholders.isPresent()) {
            mismatch(placeholders.get(), claimed).ifPresent(problem -> errors.add("variables", problem));
        }
        errors.throwIfAny();
        return new TemplateValues(name, body, List.copyOf(placeholders.orElseThrow()));
    }

    private static Optional<String> mismatch(Set<String> placeholders, List<String> claimed) {
        Set<String> unique = new LinkedHashSet<>(claimed);
        if (unique.size() != claimed.size()) {
            return Optional.of("must not name a variable twice");
        }
        List<String> missing = placeholders.stream().filter(name -> !unique.contains(name)).toList();
        List<String> extra = unique.stream().filter(name -> !placeholders.contains(name)).toList();
        if (missing.isEmpty() && extra.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("must match the body's placeholders exactly"
                + (missing.isEmpty() ? "" : "; missing " + missing)
                + (extra.isEmpty() ? "" : "; not in the body " + extra));
    }

    private static TemplatePatch read(JsonNode json, FieldErrors errors) {
        if (json == null || !json.isObject()) {
            throw new BadRequestError("templates - the body must be a JSON object");
        }
        String name = null;
        String body = null;
        List<String> variables = null;
        for (Map.Entry<String, JsonNode> entry : json.entries()) {
            JsonNode value = entry.getValue();
            switch (entry.getKey()) {
                case "name" -> name = name(value, errors);
                case "body" -> body = body(value, errors);
                case "variables" -> variables = variables(value, errors);
                default -> errors.add(entry.getKey(), "unknown field");
            }
        }
        return new TemplatePatch(name, body, variables);
    }

    private static String name(JsonNode value, FieldErrors errors) {
        String name = value.isString() ? value.getStringValue().strip() : "";
        if (name.isEmpty() || name.length() > MAX_NAME) {
            errors.add("name", "must be a string of 1 to " + MAX_NAME + " characters");
            return null;
        }
        return name;
    }

    private static String body(JsonNode value, FieldErrors errors) {
        String body = value.isString() ? value.getStringValue() : "";
        int length = body.codePointCount(0, body.length());
        if (body.isBlank() || length > TemplateRenderer.MAX_LENGTH) {
            errors.add("body", "must be a non-blank string of at most " + TemplateRenderer.MAX_LENGTH + " characters");
            return null;
        }
        return body;
    }

    private static List<String> variables(JsonNode value, FieldErrors errors) {
        List<String> names = new ArrayList<>();
        if (value.isArray()) {
            for (JsonNode name : value.values()) {
                if (!name.isString()) {
                    break;
                }
                names.add(name.getStringValue());
            }
        }
        if (!value.isArray() || names.size() != value.size()) {
            errors.add("variables", "must be an array of placeholder names");
            return null;
        }
        return names;
    }
}
