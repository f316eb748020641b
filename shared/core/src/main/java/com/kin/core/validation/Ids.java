package com.kin.core.validation;

import com.kin.core.error.BadRequestError;
import io.micronaut.json.tree.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** Parses ids from paths, query strings and bodies, answering 400 (not 500, not 404) for anything that is not a UUID. */
public final class Ids {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Ids() {
    }

    public static UUID parse(String field, String value) {
        if (value == null || !UUID_TEXT.matcher(value).matches()) {
            throw BadRequestError.field(field, "must be a UUID");
        }
        return UUID.fromString(value);
    }

    public static boolean isUuid(String value) {
        return value != null && UUID_TEXT.matcher(value).matches();
    }

    /**
     * The distinct ids of a bulk request's {@code ids} array (1 to {@code max} UUID strings, request order kept); an
     * empty list, with the problem added to {@code errors}, when the array is missing, too long or holds a non-UUID.
     */
    public static List<UUID> distinctList(JsonNode node, int max, String noun, FieldErrors errors) {
        if (node == null || !node.isArray() || node.size() == 0 || node.size() > max) {
            errors.add("ids", "must be an array of 1 to " + max + " " + noun + " ids");
            return List.of();
        }
        LinkedHashSet<UUID> ids = new LinkedHashSet<>();
        for (JsonNode id : node.values()) {
            if (!id.isString() || !isUuid(id.getStringValue())) {
                errors.add("ids", "every id must be a UUID");
                return List.of();
            }
            ids.add(UUID.fromString(id.getStringValue()));
        }
        return List.copyOf(ids);
    }
}
