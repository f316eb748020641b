package com.kin.contacts;

import com.kin.core.error.BadRequestError;
import com.kin.core.validation.Emails;
import com.kin.core.validation.FieldErrors;
import com.kin.core.validation.Ids;
import com.kin.core.validation.PhoneNumbers;
import com.kin.core.validation.Tags;
import com.kin.data.contacts.ContactField;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads a contact body (create or partial update) into column values, checking every field and reporting all problems at
 * once. A field that is present with {@code null} clears it; an absent field is left alone; an unknown field is an error,
 * so a misspelt name never silently does nothing.
 */
@Singleton
final class ContactInput {

    private final PhoneNumbers phones;

    ContactInput(PhoneNumbers phones) {
        this.phones = phones;
    }

    Map<ContactField, Object> forCreate(JsonNode body) {
        FieldErrors errors = new FieldErrors("contacts");
        Map<ContactField, Object> values = read(body, errors);
        if (!values.containsKey(ContactField.FIRST_NAME)) {
            errors.add("firstName", "is required");
        }
        errors.throwIfAny();
        values.putIfAbsent(ContactField.LAST_NAME, "");
        return values;
    }

    Map<ContactField, Object> forUpdate(JsonNode body) {
        FieldErrors errors = new FieldErrors("contacts");
        Map<ContactField, Object> values = read(body, errors);
        errors.throwIfAny();
        if (values.isEmpty()) {
            throw new BadRequestError("contacts - the update names no field to change");
        }
        return values;
    }

    private Map<ContactField, Object> read(JsonNode body, FieldErrors errors) {
        if (body == null || !body.isObject()) {
            throw new BadRequestError("contacts - the body must be a JSON object");
        }
        Map<ContactField, Object> values = new EnumMap<>(ContactField.class);
        for (Map.Entry<String, JsonNode> entry : body.entries()) {
            readField(entry.getKey(), entry.getValue(), values, errors);
        }
        return values;
    }

    private void readField(String name, JsonNode value, Map<ContactField, Object> values, FieldErrors errors) {
        switch (name) {
            case "firstName" -> text(value, 1, 100, false, errors, name).ifPresent(v -> values.put(ContactField.FIRST_NAME, v));
            case "lastName" -> text(value, 0, 100, true, errors, name)
                    .ifPresent(v -> values.put(ContactField.LAST_NAME, v.equals(NULL) ? "" : v));
            case "organization" -> nullable(text(value, 1, 200, true, errors, name), values, ContactField.ORGANIZATION);
            case "notes" -> nullable(text(value, 1, 4000, true, errors, name), values, ContactField.NOTES);
            case "email" -> nullable(text(value, 3, 254, true, errors, name).filter(v -> validEmail(v, errors, name)),
                    values, ContactField.EMAIL);
            case "phone" -> nullable(phone(value, errors, name), values, ContactField.PHONE);
            case "mobilePhone" -> nullable(phone(value, errors, name), values, ContactField.MOBILE_PHONE);
            case "tags" -> tags(value, errors).ifPresent(v -> values.put(ContactField.TAGS, v));
            case "smsOptOut" -> bool(value, errors, name).ifPresent(v -> values.put(ContactField.SMS_OPT_OUT, v));
            case "ownerId" -> ownerId(value, errors).ifPresent(v -> values.put(ContactField.OWNER_ID, v));
            default -> errors.add(name, "unknown field");
        }
    }

    /** Marks "present and null" apart from "absent" while a value is being read. */
    private static final String NULL = "\u0000null";

    private static void nullable(Optional<String> value, Map<ContactField, Object> values, ContactField field) {
        value.ifPresent(v -> values.put(field, v.equals(NULL) ? null : v));
    }

    private static Optional<String> text(JsonNode value, int min, int max, boolean nullable,
                                                  FieldErrors errors, String name) {
        if (value.isNull()) {
            if (!nullable) {
                errors.add(name, "must not be null");
                return Optional.empty();
            }
            return Optional.of(NULL);
        }
        if (!value.isString()) {
            errors.add(name, "must be a string");
            return Optional.empty();
        }
        String text = value.getStringValue().strip();
        if (text.length() < min || text.length() > max) {
            errors.add(name, min == max ? "must be " + min + " characters"
                    : "must be " + min + " to " + max + " characters");
            return Optional.empty();
        }
        return Optional.of(text);
    }

    private static boolean validEmail(String value, FieldErrors errors, String name) {
        if (value.equals(NULL) || Emails.isValid(value)) {
            return true;
        }
        errors.add(name, "is not an e-mail address");
        return false;
    }

    private Optional<String> phone(JsonNode value, FieldErrors errors, String name) {
        Optional<String> raw = text(value, 3, 32, true, errors, name);
        if (raw.isEmpty() || raw.get().equals(NULL)) {
            return raw;
        }
        Optional<String> e164 = phones.toE164(raw.get());
        if (e164.isEmpty()) {
            errors.add(name, "is not a valid phone number");
        }
        return e164;
    }

    private static Optional<List<String>> tags(JsonNode value, FieldErrors errors) {
        if (!value.isArray()) {
            errors.add("tags", "must be an array of strings");
            return Optional.empty();
        }
        List<String> tags = new ArrayList<>();
        for (JsonNode tag : value.values()) {
            if (!tag.isString()) {
                errors.add("tags", "must be an array of strings");
                return Optional.empty();
            }
            tags.add(tag.getStringValue());
        }
        Optional<String> problem = Tags.problem(tags);
        problem.ifPresent(p -> errors.add("tags", p));
        return problem.isPresent() ? Optional.empty() : Optional.of(Tags.normalise(tags));
    }

    private static Optional<Boolean> bool(JsonNode value, FieldErrors errors, String name) {
        if (!value.isBoolean()) {
            errors.add(name, "must be true or false");
            return Optional.empty();
        }
        return Optional.of(value.getBooleanValue());
    }

    private static Optional<UUID> ownerId(JsonNode value, FieldErrors errors) {
        if (!value.isString() || !Ids.isUuid(value.getStringValue())) {
            errors.add("ownerId", "must be a user id (UUID)");
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(value.getStringValue()));
    }
}
