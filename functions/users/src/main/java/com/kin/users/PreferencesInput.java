package com.kin.users;

import com.kin.core.domain.Preferences;
import com.kin.core.domain.Preferences.Notifications;
import com.kin.core.error.BadRequestError;
import com.kin.core.validation.FieldErrors;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a preferences document into {@link Preferences}: a client's (strict: every problem is a 400, all reported at
 * once) or a stored one (lenient: a field it lacks or holds in a form no longer accepted takes its default, so documents
 * written before a field existed keep working). Either way a field the document leaves out takes its
 * {@link Preferences#DEFAULTS default}: a PUT replaces the whole document.
 */
@Singleton
final class PreferencesInput {

    private static final Set<String> FIELDS =
            Set.of("timezone", "language", "theme", "pageSize", "defaultVoicemailQueue", "notifications");
    private static final Set<String> NOTIFICATION_FIELDS = Set.of("email", "sms", "desktop", "voicemailDigest");
    private static final int MAX_LANGUAGE_TAG = 35;

    private final JsonMapper json;

    PreferencesInput(JsonMapper json) {
        this.json = json;
    }

    /** The document of a PUT; 400 listing every unknown or invalid field. */
    Preferences fromRequest(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new BadRequestError("users - preferences must be a JSON object");
        }
        FieldErrors errors = new FieldErrors("users preferences");
        Preferences preferences = read(body, errors);
        errors.throwIfAny();
        return preferences;
    }

    /** The stored document ({@code users.preferences}); what it lacks or holds invalid reads as the default. */
    Preferences fromStored(String stored) {
        JsonNode document = parse(stored);
        return document.isObject() ? read(document, new FieldErrors("stored preferences")) : Preferences.DEFAULTS;
    }

    /** The document to store: every field, so a later change of a default never changes a user's choice. */
    String toJson(Preferences preferences) {
        try {
            return json.writeValueAsString(preferences);
        } catch (IOException e) {
            throw new UncheckedIOException("users - failed to write a preferences document", e);
        }
    }

    private JsonNode parse(String stored) {
        try {
            return json.readValue(stored, JsonNode.class);
        } catch (IOException e) {
            // The column is jsonb, so Postgres only ever hands back valid JSON; failing here is a bug, not bad input.
            throw new UncheckedIOException("users - stored preferences are not JSON", e);
        }
    }

    private static Preferences read(JsonNode body, FieldErrors errors) {
        rejectUnknown(body, FIELDS, "", errors);
        Preferences defaults = Preferences.DEFAULTS;
        return new Preferences(
                field(body, "", "timezone", defaults.timezone(), PreferencesInput::timezone,
                        "must be an IANA time zone id, e.g. Europe/Paris", errors),
                field(body, "", "language", defaults.language(), PreferencesInput::language,
                        "must be a BCP 47 language tag, e.g. en-US", errors),
                field(body, "", "theme", defaults.theme(), text(Preferences.Theme::fromWire),
                        "must be light, dark or system", errors),
                field(body, "", "pageSize", defaults.pageSize(), PreferencesInput::pageSize,
                        "must be a whole number from " + Preferences.MIN_PAGE_SIZE + " to " + Preferences.MAX_PAGE_SIZE,
                        errors),
                field(body, "", "defaultVoicemailQueue", defaults.defaultVoicemailQueue(),
                        text(Preferences.VoicemailView::fromWire), "must be mine, department or unassigned", errors),
                notifications(body.get("notifications"), errors));
    }

    private static Notifications notifications(JsonNode value, FieldErrors errors) {
        Notifications defaults = Preferences.DEFAULTS.notifications();
        if (value == null) {
            return defaults;
        }
        if (!value.isObject()) {
            errors.add("notifications", "must be an object with email, sms, desktop and voicemailDigest");
            return defaults;
        }
        rejectUnknown(value, NOTIFICATION_FIELDS, "notifications.", errors);
        String prefix = "notifications.";
        return new Notifications(
                field(value, prefix, "email", defaults.email(), PreferencesInput::bool, "must be true or false", errors),
                field(value, prefix, "sms", defaults.sms(), PreferencesInput::bool, "must be true or false", errors),
                field(value, prefix, "desktop", defaults.desktop(), PreferencesInput::bool, "must be true or false",
                        errors),
                field(value, prefix, "voicemailDigest", defaults.voicemailDigest(),
                        text(Preferences.VoicemailDigest::fromWire), "must be off, daily or weekly", errors));
    }

    /** The value of {@code name} in {@code object}: the default when absent, the default and a problem when invalid. */
    private static <T> T field(JsonNode object, String prefix, String name, T fallback,
                               Function<JsonNode, Optional<T>> reader, String expectation, FieldErrors errors) {
        JsonNode value = object.get(name);
        if (value == null) {
            return fallback;
        }
        Optional<T> read = reader.apply(value);
        if (read.isEmpty()) {
            errors.add(prefix + name, expectation);
        }
        return read.orElse(fallback);
    }

    private static void rejectUnknown(JsonNode object, Set<String> known, String prefix, FieldErrors errors) {
        for (var entry : object.entries()) {
            if (!known.contains(entry.getKey())) {
                errors.add(prefix + entry.getKey(), "unknown field");
            }
        }
    }

    private static Optional<String> timezone(JsonNode value) {
        // Region ids only: ZoneId.of would also take offsets such as +02:00, which do not follow daylight saving time.
        return value.isString() && ZoneId.getAvailableZoneIds().contains(value.getStringValue())
                ? Optional.of(ZoneId.of(value.getStringValue()).getId()) : Optional.empty();
    }

    /** A tag Java reads back as itself (letter case aside); stored in its canonical form ({@code en-us} becomes {@code en-US}). */
    private static Optional<String> language(JsonNode value) {
        if (!value.isString() || value.getStringValue().length() > MAX_LANGUAGE_TAG) {
            return Optional.empty();
        }
        String canonical = Locale.forLanguageTag(value.getStringValue()).toLanguageTag();
        return !canonical.equals("und") && canonical.equalsIgnoreCase(value.getStringValue())
                ? Optional.of(canonical) : Optional.empty();
    }

    private static Optional<Integer> pageSize(JsonNode value) {
        if (!value.isNumber() || !isWholeNumber(value.getNumberValue())) {
            return Optional.empty();
        }
        long size = value.getLongValue();
        return size >= Preferences.MIN_PAGE_SIZE && size <= Preferences.MAX_PAGE_SIZE
                ? Optional.of((int) size) : Optional.empty();
    }

    private static boolean isWholeNumber(Number number) {
        return number instanceof Integer || number instanceof Long || number instanceof Short
                || number instanceof Byte || number instanceof BigInteger;
    }

    private static Optional<Boolean> bool(JsonNode value) {
        return value.isBoolean() ? Optional.of(value.getBooleanValue()) : Optional.empty();
    }

    private static <T> Function<JsonNode, Optional<T>> text(Function<String, Optional<T>> fromWire) {
        return value -> value.isString() ? fromWire.apply(value.getStringValue()) : Optional.empty();
    }
}
