package com.kin.messages;

import com.kin.core.error.BadRequestError;
import com.kin.core.validation.FieldErrors;
import com.kin.core.validation.Ids;
import io.micronaut.json.tree.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A validated bulk request: {@code {"action": "markRead" | "markUnread" | "delete", "ids": [...]}} with 1 to
 * {@value #MAX_IDS} distinct message ids (repeats are counted once).
 */
record MessageBulkCommand(Action action, List<UUID> ids) {

    static final int MAX_IDS = 500;
    private static final Set<String> FIELDS = Set.of("action", "ids");

    enum Action {
        MARK_READ("markRead"), MARK_UNREAD("markUnread"), DELETE("delete");

        private final String wireName;

        Action(String wireName) {
            this.wireName = wireName;
        }

        String wireName() {
            return wireName;
        }
    }

    static MessageBulkCommand parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new BadRequestError("messages - the body must be a JSON object");
        }
        FieldErrors errors = new FieldErrors("messages bulk");
        Action action = action(body.get("action"), errors);
        List<UUID> ids = Ids.distinctList(body.get("ids"), MAX_IDS, "message", errors);
        body.entries().forEach(entry -> {
            if (!FIELDS.contains(entry.getKey())) {
                errors.add(entry.getKey(), "unknown field");
            }
        });
        errors.throwIfAny();
        return new MessageBulkCommand(action, ids);
    }

    private static Action action(JsonNode node, FieldErrors errors) {
        String name = node != null && node.isString() ? node.getStringValue() : "";
        for (Action action : Action.values()) {
            if (action.wireName.equalsIgnoreCase(name)) {
                return action;
            }
        }
        errors.add("action", "must be one of markRead, markUnread, delete");
        return null;
    }
}
