package com.kin.users;

import com.kin.core.error.BadRequestError;
import com.kin.core.identity.Role;
import com.kin.core.validation.Emails;
import com.kin.core.validation.FieldErrors;
import com.kin.core.validation.PhoneNumbers;
import com.kin.data.users.UserField;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a user body (an admin's create or partial update) into column values, checking every field and reporting all
 * problems at once. On update a field present with {@code null} clears it, an absent one is left alone; the e-mail is
 * fixed once the user exists (it is the sign-in name). An unknown field is an error, so a misspelt name never silently
 * does nothing.
 */
@Singleton
final class UserInput {

    /** A TaskRouter worker SID: WK and 32 lower-case hex digits. */
    static final Pattern WORKER_SID = Pattern.compile("WK[0-9a-f]{32}");
    /** A Twilio Client identity: letters, digits, '_', '-' and '.', as Twilio recommends, at most 121 characters. */
    static final Pattern CLIENT_IDENTITY = Pattern.compile("[A-Za-z0-9_.-]{1,121}");

    private final PhoneNumbers phones;

    UserInput(PhoneNumbers phones) {
        this.phones = phones;
    }

    Map<UserField, Object> forCreate(JsonNode body) {
        FieldErrors errors = new FieldErrors("users");
        Map<UserField, Object> values = read(body, errors, true);
        for (UserField required : new UserField[] {UserField.EMAIL, UserField.NAME, UserField.ROLE}) {
            if (!values.containsKey(required)) {
                errors.add(wireName(required), "is required");
            }
        }
        errors.throwIfAny();
        return values;
    }

    Map<UserField, Object> forUpdate(JsonNode body) {
        FieldErrors errors = new FieldErrors("users");
        Map<UserField, Object> values = read(body, errors, false);
        errors.throwIfAny();
        if (values.isEmpty()) {
            throw new BadRequestError("users - the update names no field to change");
        }
        return values;
    }

    private Map<UserField, Object> read(JsonNode body, FieldErrors errors, boolean creating) {
        if (body == null || !body.isObject()) {
            throw new BadRequestError("users - the body must be a JSON object");
        }
        Map<UserField, Object> values = new EnumMap<>(UserField.class);
        for (Map.Entry<String, JsonNode> entry : body.entries()) {
            readField(new Field(entry.getKey(), entry.getValue(), errors), values, creating);
        }
        return values;
    }

    private void readField(Field field, Map<UserField, Object> values, boolean creating) {
        switch (field.name()) {
            case "email" -> {
                if (creating) {
                    field.text(3, 254, false).filter(field::isEmail).ifPresent(v -> values.put(UserField.EMAIL, v));
                } else {
                    field.problem("cannot be changed; create a new user for a new sign-in address");
                }
            }
            case "name" -> field.text(1, 200, false).ifPresent(v -> values.put(UserField.NAME, v));
            case "role" -> field.role().ifPresent(v -> values.put(UserField.ROLE, v.wireName()));
            case "department" -> field.nullable(field.text(1, 100, true), values, UserField.DEPARTMENT);
            case "twilioWorkerSid" -> field.nullable(field.matching(WORKER_SID,
                    "must be a TaskRouter worker SID: WK and 32 lower-case hex digits"), values, UserField.TWILIO_WORKER_SID);
            case "phoneNumber" -> field.nullable(field.phone(phones), values, UserField.PHONE_NUMBER);
            case "clientIdentity" -> field.nullable(field.matching(CLIENT_IDENTITY,
                    "must be 1-121 letters, digits, '_', '-' or '.'"), values, UserField.CLIENT_IDENTITY);
            case "active" -> {
                if (creating) {
                    field.problem("cannot be set on create; a new user is active");
                } else {
                    field.bool().ifPresent(v -> values.put(UserField.ACTIVE, v));
                }
            }
            default -> field.problem("unknown field");
        }
    }

    static String wireName(UserField field) {
        return switch (field) {
            case EMAIL -> "email";
            case NAME -> "name";
            case ROLE -> "role";
            case DEPARTMENT -> "department";
            case TWILIO_WORKER_SID -> "twilioWorkerSid";
            case PHONE_NUMBER -> "phoneNumber";
            case CLIENT_IDENTITY -> "clientIdentity";
            case ACTIVE -> "active";
        };
    }

    /** One field of the body being read; each reader adds its problem to the errors and yields nothing when invalid. */
    private record Field(String name, JsonNode value, FieldErrors errors) {

        /** Marks "present and null" apart from "absent" while a value is being read. */
        private static final String NULL = "\u0000null";

        Optional<String> text(int min, int max, boolean nullable) {
            if (value.isNull()) {
                return nullable ? Optional.of(NULL) : problem("must not be null");
            }
            if (!value.isString()) {
                return problem("must be a string");
            }
            String text = value.getStringValue().strip();
            return text.length() < min || text.length() > max
                    ? problem("must be " + min + " to " + max + " characters") : Optional.of(text);
        }

        Optional<String> matching(Pattern pattern, String expectation) {
            return text(1, 200, true).filter(v -> v.equals(NULL) || pattern.matcher(v).matches() || fail(expectation));
        }

        Optional<String> phone(PhoneNumbers phones) {
            Optional<String> raw = text(1, 32, true);
            if (raw.isEmpty() || raw.get().equals(NULL)) {
                return raw;
            }
            Optional<String> e164 = phones.toE164(raw.get());
            return e164.isPresent() ? e164 : problem("is not a valid phone number");
        }

        Optional<Role> role() {
            Optional<Role> role = value.isString() ? Role.fromClaim(value.getStringValue()) : Optional.empty();
            return role.isPresent() && role.get().wireName().equals(value.getStringValue())
                    ? role : problem("must be agent, manager or admin");
        }

        Optional<Boolean> bool() {
            return value.isBoolean() ? Optional.of(value.getBooleanValue()) : problem("must be true or false");
        }

        boolean isEmail(String text) {
            return Emails.isValid(text) || fail("is not an e-mail address");
        }

        void nullable(Optional<String> read, Map<UserField, Object> values, UserField target) {
            read.ifPresent(v -> values.put(target, v.equals(NULL) ? null : v));
        }

        private <T> Optional<T> problem(String problem) {
            errors.add(name, problem);
            return Optional.empty();
        }

        private boolean fail(String problem) {
            errors.add(name, problem);
            return false;
        }
    }
}
