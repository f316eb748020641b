package com.kin.load.traffic;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A route as template.yaml names it ({@code GET /api/contacts/{id}}): results are kept per template, never per raw path,
 * so that ten thousand contact ids make one line of the report. {@link #expand} fills in the parameters.
 */
public record RouteTemplate(String method, String path) {

    private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    public RouteTemplate {
        if (!method.equals(method.toUpperCase(java.util.Locale.ROOT)) || !path.startsWith("/") || path.contains("?")) {
            throw new IllegalArgumentException("route template - expected METHOD /path/{param}, got " + method + " " + path);
        }
    }

    public static RouteTemplate of(String key) {
        int space = key.indexOf(' ');
        if (space < 0) {
            throw new IllegalArgumentException("route template - expected 'METHOD /path', got '" + key + "'");
        }
        return new RouteTemplate(key.substring(0, space), key.substring(space + 1));
    }

    /** The name results are kept under, as in template.yaml's route keys. */
    public String key() {
        return method + " " + path;
    }

    /** The path with every {@code {name}} replaced by its value, URL-encoded as one path segment. */
    public String expand(Map<String, String> parameters) {
        Matcher matcher = PARAMETER.matcher(path);
        StringBuilder expanded = new StringBuilder();
        while (matcher.find()) {
            String value = parameters.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("route template " + key() + " - no value for {" + matcher.group(1) + "}");
            }
            matcher.appendReplacement(expanded, Matcher.quoteReplacement(
                    URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
        }
        matcher.appendTail(expanded);
        return expanded.toString();
    }

    public boolean hasParameters() {
        return PARAMETER.matcher(path).find();
    }

    @Override
    public String toString() {
        return key();
    }
}
