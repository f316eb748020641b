package com.kin.load.traffic.mix;

import com.fasterxml.jackson.databind.JsonNode;
import com.kin.load.traffic.RouteTemplate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the frontend reads: lists (which teach the session ids) and the lookups, threads and searches that use them.
 * Every one is a cached GET answering {@code x-cache}.
 */
final class ReadActions {

    static final Action CONTACTS = Action.of("contacts.list", "GET /api/contacts",
            session -> Optional.of(get("GET /api/contacts", Map.of(), contactsQuery(session))), ReadActions::learnContacts);
    static final Action CONTACT = Action.of("contacts.get", "GET /api/contacts/{id}",
            session -> session.known().contacts.pick(session.random())
                    .map(contact -> get("GET /api/contacts/{id}", Map.of("id", contact.id()), "")),
            (session, body) -> learnContact(session, body));
    static final Action SEARCH = Action.of("search", "GET /api/search",
            session -> session.known().searchTerms.pick(session.random())
                    .map(term -> get("GET /api/search", Map.of(), "q=" + Json.query(term) + "&limit=10")));
    static final Action CALLS = Action.of("calls.list", "GET /api/calls",
            session -> Optional.of(get("GET /api/calls", Map.of(), "limit=" + (session.random().nextInt(4) == 0 ? 50 : 25))),
            (session, body) -> Json.items(body).forEach(call -> add(session.known().calls, Json.text(call, "id"))));
    static final Action CALL = Action.of("calls.get", "GET /api/calls/{id}",
            session -> session.known().calls.pick(session.random())
                    .map(id -> get("GET /api/calls/{id}", Map.of("id", id), "")));
    static final Action VOICEMAILS = Action.of("voicemails.list", "GET /api/voicemails",
            session -> Optional.of(get("GET /api/voicemails", Map.of(),
                    "limit=25" + (session.random().nextInt(5) < 2 ? "&unread=true" : ""))),
            (session, body) -> Json.items(body).forEach(voicemail -> learnVersioned(session.known().voicemails, voicemail)));
    static final Action VOICEMAIL = Action.of("voicemails.get", "GET /api/voicemails/{id}",
            session -> session.known().voicemails.pick(session.random())
                    .map(voicemail -> get("GET /api/voicemails/{id}", Map.of("id", voicemail.id()), "")),
            (session, body) -> learnVersioned(session.known().voicemails, body));
    static final Action CONVERSATIONS = Action.of("messages.conversations", "GET /api/messages/conversations",
            session -> Optional.of(get("GET /api/messages/conversations", Map.of(), "limit=25")),
            ReadActions::learnConversations);
    static final Action THREAD = Action.of("messages.thread", "GET /api/messages/thread/{contactId}",
            session -> session.known().threads.pick(session.random())
                    .map(contact -> get("GET /api/messages/thread/{contactId}", Map.of("contactId", contact), "limit=50")),
            (session, body) -> Json.items(body).forEach(message -> learnInbound(session, message)));
    static final Action ME = Action.of("users.me", "GET /api/users/me",
            session -> Optional.of(get("GET /api/users/me", Map.of(), "")));
    static final Action USERS = Action.of("users.list", "GET /api/users",
            session -> Optional.of(get("GET /api/users", Map.of(), "limit=25")));

    private ReadActions() {
    }

    static HttpCall get(String routeKey, Map<String, String> parameters, String query) {
        RouteTemplate route = RouteTemplate.of(routeKey);
        String path = route.expand(parameters);
        return new HttpCall(route, query.isEmpty() ? path : path + "?" + query, Map.of(), null);
    }

    /** The contact list as agents use it: newest first, by name, or filtered by a name they type. */
    private static String contactsQuery(Session session) {
        int kind = session.random().nextInt(10);
        if (kind < 2) {
            Optional<String> term = session.known().searchTerms.pick(session.random());
            if (term.isPresent()) {
                return "q=" + Json.query(term.get()) + "&limit=25";
            }
        }
        return kind < 6 ? "limit=25" : kind < 8 ? "sort=updated&limit=25" : "sort=name&limit=25";
    }

    private static void learnContacts(Session session, JsonNode page) {
        Json.items(page).forEach(contact -> learnContact(session, contact));
    }

    static void learnContact(Session session, JsonNode contact) {
        String id = Json.text(contact, "id");
        if (id == null) {
            return;
        }
        String phone = Optional.ofNullable(Json.text(contact, "mobilePhone")).orElse(Json.text(contact, "phone"));
        boolean optedOut = contact.path("smsOptOut").asBoolean(false);
        session.known().contacts.put(id, new Known.ContactRef(id, phone, optedOut));
        // What people type into search: the start of a name or an organisation.
        for (String field : new String[] {"firstName", "lastName", "organization"}) {
            String value = Json.text(contact, field);
            if (value != null && value.length() >= 3) {
                int length = Math.min(value.length(), 3 + Math.floorMod(id.hashCode(), 3));
                String term = value.toLowerCase(Locale.ROOT).substring(0, length);
                session.known().searchTerms.put(term, term);
            }
        }
    }

    private static void learnConversations(Session session, JsonNode page) {
        for (JsonNode conversation : Json.items(page)) {
            add(session.known().threads, Json.text(conversation.path("contact"), "id"));
            learnInbound(session, conversation.get("lastMessage"));
        }
    }

    /** An inbound message, for read marks: outbound ones have no read state. */
    static void learnInbound(Session session, JsonNode message) {
        if (message != null && "inbound".equals(Json.text(message, "direction"))) {
            learnVersioned(session.known().inboundMessages, message);
        }
    }

    static void learnVersioned(Pool<Known.Versioned> pool, JsonNode record) {
        String id = Json.text(record, "id");
        if (id != null && record.has("version")) {
            pool.put(id, new Known.Versioned(id, record.get("version").asLong()));
        }
    }

    private static void add(Pool<String> pool, String id) {
        if (id != null) {
            pool.put(id, id);
        }
    }
}
