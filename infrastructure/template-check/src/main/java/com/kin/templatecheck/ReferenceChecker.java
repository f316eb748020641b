package com.kin.templatecheck;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds every {@code Ref}, {@code Fn::GetAtt}, {@code Fn::Sub} variable, {@code Fn::If} and resource {@code Condition}
 * of a template (long form, as {@code CfnYaml} reads it) that names nothing: no parameter, resource, condition,
 * pseudo parameter, or resource SAM generates ({@code <Function>Url}, {@code <Function>Role}, {@code <Function>.Alias},
 * {@code ServerlessHttpApi}).
 */
public final class ReferenceChecker {

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]+)}");
    private static final String FUNCTION = "AWS::Serverless::Function";

    private final Set<String> names = new HashSet<>();
    private final Set<String> conditions = new HashSet<>();
    private final List<String> problems = new ArrayList<>();

    private ReferenceChecker(Map<String, Object> document) {
        section(document, "Parameters").keySet().forEach(key -> names.add(String.valueOf(key)));
        section(document, "Conditions").keySet().forEach(key -> conditions.add(String.valueOf(key)));
        names.add("ServerlessHttpApi");
        section(document, "Resources").forEach((key, body) -> {
            String id = String.valueOf(key);
            names.add(id);
            if (body instanceof Map<?, ?> resource && FUNCTION.equals(resource.get("Type"))) {
                names.add(id + "Role");
                names.add(id + ".Alias");
                names.add(id + ".Version");
                if (resource.get("Properties") instanceof Map<?, ?> properties && properties.containsKey("FunctionUrlConfig")) {
                    names.add(id + "Url");
                }
            }
        });
    }

    /** Every dangling name as {@code where - what}; empty when all references resolve. */
    public static List<String> problems(Map<String, Object> document) {
        ReferenceChecker checker = new ReferenceChecker(document);
        for (String section : List.of("Conditions", "Globals", "Resources", "Outputs")) {
            checker.walk(document.get(section), section);
        }
        section(document, "Resources").forEach((id, body) -> {
            if (body instanceof Map<?, ?> resource && resource.get("Condition") != null
                    && !checker.conditions.contains(String.valueOf(resource.get("Condition")))) {
                checker.problems.add("Resources." + id + ".Condition - no condition " + resource.get("Condition"));
            }
        });
        return List.copyOf(checker.problems);
    }

    private void walk(Object node, String where) {
        if (node instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                Map.Entry<?, ?> only = map.entrySet().iterator().next();
                checkIntrinsic(String.valueOf(only.getKey()), only.getValue(), where);
            }
            map.forEach((key, value) -> walk(value, where + "." + key));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(list.get(i), where + "[" + i + "]");
            }
        }
    }

    private void checkIntrinsic(String function, Object argument, String where) {
        switch (function) {
            case "Ref" -> {
                if (argument instanceof String name) {
                    requireName(name, where + " Ref");
                }
            }
            case "Fn::GetAtt" -> {
                if (argument instanceof List<?> parts && !parts.isEmpty() && parts.get(0) instanceof String resource) {
                    requireName(resource, where + " GetAtt");
                }
            }
            case "Fn::Sub" -> checkSub(argument, where);
            case "Fn::If" -> {
                if (argument instanceof List<?> parts && !parts.isEmpty() && !conditions.contains(String.valueOf(parts.get(0)))) {
                    problems.add(where + " Fn::If - no condition " + parts.get(0));
                }
            }
            case "Condition" -> {
                if (argument instanceof String name && !conditions.contains(name)) {
                    problems.add(where + " Condition - no condition " + name);
                }
            }
            default -> {
                // not a reference
            }
        }
    }

    private void checkSub(Object argument, String where) {
        String text;
        Set<String> local = new HashSet<>();
        if (argument instanceof List<?> parts && !parts.isEmpty()) {
            text = String.valueOf(parts.get(0));
            if (parts.size() > 1 && parts.get(1) instanceof Map<?, ?> variables) {
                variables.keySet().forEach(key -> local.add(String.valueOf(key)));
            }
        } else {
            text = String.valueOf(argument);
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        while (matcher.find()) {
            String variable = matcher.group(1).trim();
            if (variable.startsWith("!") || local.contains(variable)) {
                continue;
            }
            int dot = variable.indexOf('.');
            boolean attribute = dot > 0 && !names.contains(variable);
            requireName(attribute ? variable.substring(0, dot) : variable, where + " Sub ${" + variable + "}");
        }
    }

    private void requireName(String name, String where) {
        if (!name.startsWith("AWS::") && !names.contains(name)) {
            problems.add(where + " - names no parameter or resource: " + name);
        }
    }

    private static Map<?, ?> section(Map<String, Object> document, String name) {
        return document.get(name) instanceof Map<?, ?> map ? map : Map.of();
    }
}
