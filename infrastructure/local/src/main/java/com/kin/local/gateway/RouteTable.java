package com.kin.local.gateway;

import com.kin.local.template.FunctionSpec.HttpRouteSpec;
import com.kin.local.template.TemplateException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * HTTP API route selection: the most specific route wins. Literal segments beat {@code {param}} segments, which
 * beat a greedy {@code {proxy+}}; a route's own method beats {@code ANY}; {@code $default} catches the rest.
 */
final class RouteTable {

    /** A route that matched, with its path parameters (URL-decoded, as API Gateway passes them). */
    record Match(HttpRouteSpec route, Map<String, String> pathParameters) {
    }

    private record Compiled(HttpRouteSpec route, List<String> segments, boolean greedy, boolean catchAll) {
    }

    private final List<Compiled> routes;

    RouteTable(List<HttpRouteSpec> routes) {
        Set<String> keys = new HashSet<>();
        for (HttpRouteSpec route : routes) {
            if (!keys.add(route.routeKey())) {
                throw new TemplateException("HttpApi route " + route.routeKey() + " - is defined twice (" + route.functionId() + ")");
            }
        }
        this.routes = routes.stream().map(RouteTable::compile).toList();
    }

    Optional<Match> match(String method, String rawPath) {
        List<String> path = segments(rawPath);
        Compiled best = null;
        Map<String, String> bestParameters = null;
        for (Compiled route : routes) {
            if (!route.catchAll() && !methodMatches(route.route().method(), method)) {
                continue;
            }
            Map<String, String> parameters = parameters(route, path);
            if (parameters != null && (best == null || compareKeys(specificity(route), specificity(best)) < 0)) {
                best = route;
                bestParameters = parameters;
            }
        }
        return best == null ? Optional.empty() : Optional.of(new Match(best.route(), bestParameters));
    }

    /** True when some route serves this path with another method: the path exists, the method does not. */
    boolean knowsPath(String rawPath) {
        List<String> path = segments(rawPath);
        return routes.stream().anyMatch(route -> !route.catchAll() && parameters(route, path) != null);
    }

    private static boolean methodMatches(String routeMethod, String method) {
        return routeMethod.equals("ANY") || routeMethod.equals(method);
    }

    private static Compiled compile(HttpRouteSpec route) {
        if (route.path().equals("$default")) {
            return new Compiled(route, List.of(), false, true);
        }
        List<String> segments = segments(route.path());
        boolean greedy = !segments.isEmpty() && segments.get(segments.size() - 1).endsWith("+}");
        return new Compiled(route, segments, greedy, false);
    }

    /** Path parameters when the route matches the path, else null. */
    private static Map<String, String> parameters(Compiled route, List<String> path) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (route.catchAll()) {
            return parameters;
        }
        List<String> pattern = route.segments();
        int fixed = route.greedy() ? pattern.size() - 1 : pattern.size();
        if (route.greedy() ? path.size() <= fixed : path.size() != fixed) {
            return null;
        }
        for (int i = 0; i < fixed; i++) {
            String segment = pattern.get(i);
            if (isVariable(segment)) {
                parameters.put(segment.substring(1, segment.length() - 1), decode(path.get(i)));
            } else if (!segment.equals(path.get(i))) {
                return null;
            }
        }
        if (route.greedy()) {
            String name = pattern.get(fixed);
            parameters.put(name.substring(1, name.length() - 2), decode(String.join("/", path.subList(fixed, path.size()))));
        }
        return parameters;
    }

    /** Lower sorts first: catch-all last, greedy after exact, then literal-before-variable per segment, then ANY. */
    private static List<Integer> specificity(Compiled route) {
        List<Integer> key = new ArrayList<>();
        key.add(route.catchAll() ? 2 : route.greedy() ? 1 : 0);
        route.segments().forEach(segment -> key.add(segment.endsWith("+}") ? 2 : isVariable(segment) ? 1 : 0));
        key.add(route.route().method().equals("ANY") ? 1 : 0);
        return key;
    }

    private static int compareKeys(List<Integer> left, List<Integer> right) {
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            int compared = Integer.compare(left.get(i), right.get(i));
            if (compared != 0) {
                return compared;
            }
        }
        return Integer.compare(right.size(), left.size());
    }

    private static boolean isVariable(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    private static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments;
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
