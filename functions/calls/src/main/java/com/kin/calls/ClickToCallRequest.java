package com.kin.calls;

import com.kin.core.error.BadRequestError;
import com.kin.core.validation.FieldErrors;
import com.kin.core.validation.Ids;
import com.kin.core.validation.PhoneNumbers;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.tree.JsonNode;
import java.util.Set;
import java.util.UUID;

/**
 * A checked body of {@code POST /api/calls}: whom to call, {@code contactId} or {@code to} (any notation, kept in E.164),
 * and how to reach the agent first, {@code via} {@code "phone"} (their phone number) or {@code "client"} (their
 * browser/app). Every problem is reported in one 400.
 */
record ClickToCallRequest(@Nullable UUID contactId, @Nullable String to, Via via) {

    private static final Set<String> FIELDS = Set.of("contactId", "to", "via");

    /** Where Twilio rings the agent before it dials the contact. */
    enum Via { PHONE, CLIENT }

    static ClickToCallRequest parse(JsonNode json, PhoneNumbers phones) {
        if (json == null || !json.isObject()) {
            throw new BadRequestError("calls - the body must be a JSON object");
        }
        FieldErrors errors = new FieldErrors("calls");
        if ((json.get("contactId") == null) == (json.get("to") == null)) {
            errors.add("contactId", "give either contactId or to (a phone number), not both and not neither");
        }
        UUID contactId = contactId(json.get("contactId"), errors);
        String to = phone(json.get("to"), phones, errors);
        Via via = via(json.get("via"), errors);
        json.entries().forEach(entry -> {
            if (!FIELDS.contains(entry.getKey())) {
                errors.add(entry.getKey(), "unknown field");
            }
        });
        errors.throwIfAny();
        return new ClickToCallRequest(contactId, to, via);
    }

    private static UUID contactId(JsonNode node, FieldErrors errors) {
        if (node == null) {
            return null;
        }
        if (!node.isString() || !Ids.isUuid(node.getStringValue())) {
            errors.add("contactId", "must be an id (UUID)");
            return null;
        }
        return UUID.fromString(node.getStringValue());
    }

    /** The {@code to} number in E.164. */
    private static String phone(JsonNode node, PhoneNumbers phones, FieldErrors errors) {
        if (node == null) {
            return null;
        }
        String e164 = node.isString() ? phones.toE164(node.getStringValue()).orElse(null) : null;
        if (e164 == null) {
            errors.add("to", "is not a valid phone number");
        }
        return e164;
    }

    private static Via via(JsonNode node, FieldErrors errors) {
        String value = node != null && node.isString() ? node.getStringValue() : "";
        return switch (value) {
            case "phone" -> Via.PHONE;
            case "client" -> Via.CLIENT;
            default -> {
                errors.add("via", "must be \"phone\" (ring your phone first) or \"client\" (ring your browser/app first)");
                yield null;
            }
        };
    }
}
