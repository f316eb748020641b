package com.kin.bench.scale;

import com.kin.bench.scale.ScaleData.Person;
import com.kin.cache.CacheTags;
import com.kin.cache.MessageTags;
import com.kin.core.identity.Caller;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Every GET route of template.yaml that returns a page or search results, in the variants the frontend sends: each
 * caller role (agent, manager, admin, whose visibility decides the SQL), each sort, each filter, with values from
 * {@link ScaleData}. All pages are the UI's 25 rows; "page 2" variants (added by the runner) follow a real cursor.
 */
final class ScaleRoutes {

    static final String PAGE = "limit=25";

    private ScaleRoutes() {
    }

    static List<ScaleRoute> all(ScaleData data, Instant now) {
        List<ScaleRoute> routes = new ArrayList<>();
        contacts(routes, data);
        search(routes, data);
        calls(routes, data, now);
        messages(routes, data);
        voicemails(routes, data);
        routes.add(route("templates", "GET /api/templates", "templates/list.json", data.agent(), PAGE,
                caller -> Set.of("templates:list")));
        users(routes, data);
        return routes;
    }

    /**
     * Whether the route's second page is measured too (keyset pagination must cost no more than the first page): the
     * admin's unfiltered lists, the largest ones.
     */
    static boolean pagedFurther(ScaleRoute route) {
        return route.caller().role().equals("admin") && !route.route().contains("{")
                && List.of("contacts", "calls", "messages", "voicemails").contains(route.function())
                && List.of("q=", "tag=", "contactId=", "phone=", "userId=", "direction=", "from=", "unread=", "priority=",
                        "queue=mine", "queue=unassigned").stream().noneMatch(route.query()::contains);
    }

    private static void contacts(List<ScaleRoute> routes, ScaleData data) {
        Function<Caller, Set<String>> tags = caller -> Set.of(CacheTags.listsOf("contacts", caller));
        for (Person caller : List.of(data.agent(), data.manager(), data.admin())) {
            for (String query : List.of("sort=updated", "sort=name", "tag=" + data.commonTag() + "&sort=updated",
                    "tag=" + data.rareTag() + "&sort=name", "q=" + encode(data.lastName()) + "&sort=updated")) {
                routes.add(route("contacts", "GET /api/contacts", "contacts/list.json", caller, query + "&" + PAGE, tags));
            }
        }
    }

    private static void search(List<ScaleRoute> routes, ScaleData data) {
        Function<Caller, Set<String>> tags = caller -> Set.of(CacheTags.listsOf("contacts", caller));
        for (Person caller : List.of(data.agent(), data.manager(), data.admin())) {
            for (String term : List.of(data.lastName(), data.messageWord())) {
                routes.add(route("search", "GET /api/search", "search/search.json", caller,
                        "q=" + encode(term) + "&limit=5", tags));
            }
        }
    }

    private static void calls(List<ScaleRoute> routes, ScaleData data, Instant now) {
        Function<Caller, Set<String>> tags = caller -> Set.of(CacheTags.listsOf("calls", caller));
        String lastMonth = "from=" + now.minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        for (Person caller : List.of(data.agent(), data.manager(), data.admin())) {
            for (String query : List.of("", "direction=inbound&status=no-answer", lastMonth,
                    "contactId=" + data.callContact(), "phone=" + encode(data.callPhone()))) {
                routes.add(route("calls", "GET /api/calls", "calls/list.json", caller, join(query, PAGE), tags));
            }
        }
        routes.add(route("calls", "GET /api/calls", "calls/list.json", data.admin(),
                "userId=" + data.agent().id() + "&" + PAGE, tags));
    }

    private static void messages(List<ScaleRoute> routes, ScaleData data) {
        String sampleContact = "10000000-0000-4000-8000-000000000001";
        UnaryOperator<String> thread = json -> json.replace(sampleContact, data.threadContact().toString());
        for (Person caller : List.of(data.agent(), data.manager(), data.admin())) {
            routes.add(route("messages", "GET /api/messages/conversations", "messages/conversations.json", caller, PAGE,
                    c -> Set.of(CacheTags.listsOf("messages", c))));
            routes.add(new ScaleRoute("messages", "GET /api/messages/thread/{contactId}", caller.role(),
                    "messages/thread.json", thread, caller, "limit=50",
                    c -> Set.of(MessageTags.thread(data.threadContact()))));
        }
    }

    private static void voicemails(List<ScaleRoute> routes, ScaleData data) {
        Function<Caller, Set<String>> tags = caller -> CacheTags.listsOfWorkItems("voicemails", caller);
        // Queue "all" is for managers and admins (403 for agents); an agent filters its department's queue instead.
        List<String> agentQueries = List.of("queue=mine&sort=priority", "queue=department&sort=newest",
                "queue=unassigned&sort=priority", "queue=department&unread=true&sort=priority",
                "queue=department&priority=urgent&sort=newest");
        List<String> queries = List.of("queue=mine&sort=priority", "queue=department&sort=newest",
                "queue=unassigned&sort=priority", "queue=all&sort=newest", "queue=all&unread=true&sort=priority",
                "queue=all&priority=urgent&sort=newest");
        for (Person caller : List.of(data.agent(), data.manager(), data.admin())) {
            for (String query : caller == data.agent() ? agentQueries : queries) {
                if (caller.department() != null || !query.startsWith("queue=department")) {
                    routes.add(route("voicemails", "GET /api/voicemails", "voicemails/list.json", caller,
                            query + "&" + PAGE, tags));
                }
            }
        }
    }

    private static void users(List<ScaleRoute> routes, ScaleData data) {
        Function<Caller, Set<String>> tags = caller -> Set.of(CacheTags.listsOf("users", caller));
        routes.add(route("users", "GET /api/users", "users/list.json", data.manager(), PAGE, tags));
        routes.add(route("users", "GET /api/users", "users/list.json", data.admin(), PAGE, tags));
        routes.add(route("users", "GET /api/users", "users/list.json", data.admin(), "role=agent&active=true&" + PAGE, tags));
        routes.add(route("users", "GET /api/users", "users/list.json", data.admin(),
                "department=" + data.agent().department() + "&" + PAGE, tags));
    }

    private static ScaleRoute route(String function, String route, String sample, Person caller, String query,
                                    Function<Caller, Set<String>> tags) {
        String variant = caller.role() + (query.equals(PAGE) ? "" : " " + query.replace("&" + PAGE, "").replace(PAGE, ""));
        return new ScaleRoute(function, route, variant.strip(), sample, UnaryOperator.identity(), caller, query, tags);
    }

    private static String join(String query, String page) {
        return query.isEmpty() ? page : query + "&" + page;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
