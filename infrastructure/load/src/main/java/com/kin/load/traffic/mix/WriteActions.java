package com.kin.load.traffic.mix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.kin.load.traffic.RouteTemplate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the frontend changes: read marks with the {@code If-Match} of the version it showed, an SMS now and then (with
 * an {@code Idempotency-Key}, as the frontend retries), and bulk read marks over a few selected rows.
 */
final class WriteActions {

    private static final int BULK_SELECTION = 5;
    private static final List<String> TEXTS = List.of(
            "Thanks for calling, here is the link we talked about.",
            "Your appointment is confirmed for tomorrow at 10am.",
            "We received your order and will ship it this week.",
            "Can you call me back when you have a minute?",
            "Following up on your voicemail: what time suits you?");

    static final Action VOICEMAIL_READ = Action.of("voicemails.markRead", "PATCH /api/voicemails/{id}",
            session -> session.known().voicemails.pick(session.random())
                    .map(voicemail -> patchRead("PATCH /api/voicemails/{id}", voicemail)),
            (session, body) -> ReadActions.learnVersioned(session.known().voicemails, body));
    static final Action MESSAGE_READ = Action.of("messages.markRead", "PATCH /api/messages/{id}",
            session -> session.known().inboundMessages.pick(session.random())
                    .map(message -> patchRead("PATCH /api/messages/{id}", message)),
            (session, body) -> ReadActions.learnVersioned(session.known().inboundMessages, body));
    static final Action SEND = Action.of("messages.send", "POST /api/messages",
            session -> session.known().textableContact(session.random()).map(contact -> send(session, contact)),
            WriteActions::learnSent);
    static final Action MESSAGES_BULK = Action.of("messages.bulk", "POST /api/messages/actions",
            session -> bulkMarkRead("POST /api/messages/actions", session.known().inboundMessages, session));
    static final Action VOICEMAILS_BULK = Action.of("voicemails.bulk", "POST /api/voicemails/bulk",
            session -> bulkMarkRead("POST /api/voicemails/bulk", session.known().voicemails, session));

    private WriteActions() {
    }

    private static HttpCall patchRead(String routeKey, Known.Versioned record) {
        RouteTemplate route = RouteTemplate.of(routeKey);
        ObjectNode body = Json.object().put("read", true);
        return new HttpCall(route, route.expand(Map.of("id", record.id())),
                Map.of("content-type", "application/json", "if-match", "\"" + record.version() + "\""), Json.write(body));
    }

    private static HttpCall send(Session session, Known.ContactRef contact) {
        ObjectNode body = Json.object().put("contactId", contact.id())
                .put("body", TEXTS.get(session.random().nextInt(TEXTS.size())));
        return new HttpCall(RouteTemplate.of("POST /api/messages"), "/api/messages", Map.of("content-type",
                "application/json", "idempotency-key", idempotencyKey()), Json.write(body));
    }

    private static Optional<HttpCall> bulkMarkRead(String routeKey, Pool<Known.Versioned> pool, Session session) {
        List<Known.Versioned> selected = pool.sample(1 + session.random().nextInt(BULK_SELECTION), session.random());
        if (selected.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode body = Json.object().put("action", "markRead");
        selected.forEach(record -> body.withArray("ids").add(record.id()));
        RouteTemplate route = RouteTemplate.of(routeKey);
        return Optional.of(new HttpCall(route, route.path(), Map.of("content-type", "application/json",
                "idempotency-key", idempotencyKey()), Json.write(body)));
    }

    /** The message Twilio accepted: its status callback comes later (a webhook action). */
    private static void learnSent(Session session, JsonNode message) {
        String sid = Json.text(message, "twilioMessageSid");
        if (sid != null) {
            session.known().sent.put(sid, new Known.SentSms(sid, Json.text(message, "fromNumber"),
                    Json.text(message, "toNumber")));
        }
    }

    /**
     * New on every run, unlike the seeded choices: the platform remembers keys, and a key of an earlier run would
     * replay its stored answer (or be refused with 422 for another body) instead of doing the work.
     */
    private static String idempotencyKey() {
        return UUID.randomUUID().toString();
    }
}
