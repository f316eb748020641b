package com.kin.voicemails;

import com.kin.core.error.BadRequestError;
import com.kin.core.validation.FieldErrors;
import com.kin.core.validation.Ids;
import io.micronaut.json.tree.JsonNode;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A validated bulk request: {@code {"action": "markRead" | "markUnread" | "assign" | "delete", "ids": [...],
 * "assignedToId": "..."}} with 1 to {@value #MAX_IDS} distinct ids; {@code assignedToId} only, and always, for assign.
 */
record BulkCommand(Action action, List<UUID> ids, UUID assignedToId) {

    static final int MAX_IDS = 500;
    private static final Set<String> FIELDS = Set.of("action", "ids", "assignedToId");

    enum Action {
        MARK_READ("markRead"), MARK_UNREAD("markUnread"), ASSIGN("assign"), DELETE("delete");

        private final String wireName;

        Action(String wireName) {
            this.wireName = wireName;
        }

        String wireName() {
            return wireName;
        }
    }

    static BulkCommand parse(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new BadRequestError("voicemails - the body must be a JSON object");
        }
        FieldErrors errors = new FieldErrors("voicemails bulk");
        Action action = action(body.get("action"), errors);
        List<UUID> ids = Ids.distinctList(body.get("ids"), MAX_IDS, "voicemail", errors);
        UUID assignee = null;
        if (action == Action.ASSIGN) {
            assignee = VoicemailInput.assignee(body.get("assignedToId"), errors);
        } else if (body.get("assignedToId") != null) {
            errors.add("assignedToId", "is only for the assign action");
        }
        body.entries().forEach(entry -> {
            if (!FIELDS.contains(entry.getKey())) {
                errors.add(entry.getKey(), "unknown field");
            }
        });
        errors.throwIfAny();
        return new BulkCommand(action, ids, assignee);
    }

    private static Action action(JsonNode node, FieldErrors errors) {
        String name = node != null && node.isString() ? node.getStringValue() : "";
        for (Action action : Action.values()) {
            if (action.wireName.equals(name)) {
                return action;
            }
        }
        errors.add("action", "must be one of markRead, markUnread, assign, delete");
        return null;
    }
}
