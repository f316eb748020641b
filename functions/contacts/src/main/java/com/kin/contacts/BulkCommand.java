package com.kin.contacts;

import com.kin.core.error.BadRequestError;
import com.kin.core.validation.FieldErrors;
import com.kin.core.validation.Ids;
import com.kin.core.validation.Tags;
import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A validated bulk request: {@code {"action": "delete" | "addTags" | "removeTags" | "reassign", "ids": [...],
 * "tags": [...], "ownerId": "..."}} with 1 to {@value #MAX_IDS} distinct ids.
 */
record BulkCommand(Action action, List<UUID> ids, List<String> tags, UUID ownerId) {

    static final int MAX_IDS = 500;

    enum Action { DELETE, ADD_TAGS, REMOVE_TAGS, REASSIGN }

    static BulkCommand parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new BadRequestError("contacts - the body must be a JSON object");
        }
        FieldErrors errors = new FieldErrors("contacts bulk");
        Action action = action(body.get("action"), errors);
        List<UUID> ids = Ids.distinctList(body.get("ids"), MAX_IDS, "contact", errors);
        List<String> tags = List.of();
        UUID owner = null;
        if (action == Action.ADD_TAGS || action == Action.REMOVE_TAGS) {
            tags = tags(body.get("tags"), errors);
        }
        if (action == Action.REASSIGN) {
            JsonNode ownerNode = body.get("ownerId");
            if (ownerNode == null || !ownerNode.isString() || !Ids.isUuid(ownerNode.getStringValue())) {
                errors.add("ownerId", "is required for reassign and must be a user id (UUID)");
            } else {
                owner = UUID.fromString(ownerNode.getStringValue());
            }
        }
        body.entries().forEach(entry -> {
            if (!List.of("action", "ids", "tags", "ownerId").contains(entry.getKey())) {
                errors.add(entry.getKey(), "unknown field");
            }
        });
        errors.throwIfAny();
        return new BulkCommand(action, ids, tags, owner);
    }

    String wireAction() {
        return switch (action) {
            case DELETE -> "delete";
            case ADD_TAGS -> "addTags";
            case REMOVE_TAGS -> "removeTags";
            case REASSIGN -> "reassign";
        };
    }

    private static Action action(JsonNode node, FieldErrors errors) {
        String name = node != null && node.isString() ? node.getStringValue() : "";
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "delete" -> Action.DELETE;
            case "addtags" -> Action.ADD_TAGS;
            case "removetags" -> Action.REMOVE_TAGS;
            case "reassign" -> Action.REASSIGN;
            default -> {
                errors.add("action", "must be one of delete, addTags, removeTags, reassign");
                yield null;
            }
        };
    }


    private static List<String> tags(JsonNode node, FieldErrors errors) {
        List<String> tags = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.values().forEach(tag -> tags.add(tag.isString() ? tag.getStringValue() : null));
        }
        if (tags.isEmpty()) {
            errors.add("tags", "is required for addTags and removeTags: an array of tags");
            return List.of();
        }
        Tags.problem(tags).ifPresent(problem -> errors.add("tags", problem));
        return tags.contains(null) ? List.of() : Tags.normalise(tags);
    }
}
