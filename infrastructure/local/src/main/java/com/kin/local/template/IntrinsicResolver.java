package com.kin.local.template;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates CloudFormation intrinsic functions (long form, see {@link CfnYaml}) against parameter values and the
 * local stand-ins of the template's resources. Values that depend on nothing local pass through unchanged.
 */
public final class IntrinsicResolver {

    /** What {@code Ref} and {@code Fn::GetAtt} of a resource mean on this machine. */
    public interface References {
        Object ref(String logicalId);

        String getAtt(String logicalId, String attribute);
    }

    private static final Object NO_VALUE = new Object();
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private final Map<String, Object> parameters;
    private final Map<String, Object> conditions;
    private final Map<String, Object> mappings;
    private final References references;

    public IntrinsicResolver(Map<String, Object> parameters, Map<String, Object> conditions,
                             Map<String, Object> mappings, References references) {
        this.parameters = Map.copyOf(parameters);
        this.conditions = conditions;
        this.mappings = mappings;
        this.references = references;
    }

    /** Resolves every intrinsic inside {@code value}; {@code AWS::NoValue} entries disappear. */
    public Object resolve(Object value) {
        Object resolved = evaluate(value);
        return resolved == NO_VALUE ? null : resolved;
    }

    /** Resolves {@code value} to a string, as an environment variable or a resource name must be. */
    public String resolveString(Object value, String where) {
        Object resolved = resolve(value);
        if (resolved instanceof String || resolved instanceof Number || resolved instanceof Boolean) {
            return String.valueOf(resolved);
        }
        throw new TemplateException(where + " - must resolve to a string, got " + resolved);
    }

    public boolean condition(String name) {
        Object definition = conditions.get(name);
        if (definition == null) {
            throw new TemplateException("Conditions." + name + " - is not defined");
        }
        return asBoolean(evaluate(definition), "Conditions." + name);
    }

    private Object evaluate(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                String key = String.valueOf(map.keySet().iterator().next());
                if (key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::")) {
                    return intrinsic(key, map.values().iterator().next());
                }
            }
            Map<Object, Object> resolved = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                Object r = evaluate(v);
                if (r != NO_VALUE) {
                    resolved.put(k, r);
                }
            });
            return resolved;
        }
        if (value instanceof List<?> list) {
            List<Object> resolved = new ArrayList<>();
            for (Object item : list) {
                Object r = evaluate(item);
                if (r != NO_VALUE) {
                    resolved.add(r);
                }
            }
            return resolved;
        }
        return value;
    }

    private Object intrinsic(String name, Object argument) {
        return switch (name) {
            case "Ref" -> ref(String.valueOf(evaluate(argument)));
            case "Condition" -> condition(String.valueOf(argument));
            case "Fn::Sub" -> sub(argument);
            case "Fn::GetAtt" -> getAtt(list(evaluate(argument), name));
            case "Fn::Join" -> join(list(argument, name));
            case "Fn::Select" -> select(list(argument, name));
            case "Fn::Split" -> split(list(argument, name));
            case "Fn::If" -> ifThen(list(argument, name));
            case "Fn::Equals" -> equalsAll(list(evaluate(argument), name));
            case "Fn::Not" -> !asBoolean(list(evaluate(argument), name).get(0), name);
            case "Fn::And" -> list(evaluate(argument), name).stream().allMatch(v -> asBoolean(v, name));
            case "Fn::Or" -> list(evaluate(argument), name).stream().anyMatch(v -> asBoolean(v, name));
            case "Fn::FindInMap" -> findInMap(list(evaluate(argument), name));
            case "Fn::Base64" -> Base64.getEncoder().encodeToString(
                    String.valueOf(evaluate(argument)).getBytes(StandardCharsets.UTF_8));
            default -> throw new TemplateException(name + " - is not supported by the local runtime");
        };
    }

    private Object ref(String id) {
        if (id.equals("AWS::NoValue")) {
            return NO_VALUE;
        }
        if (parameters.containsKey(id)) {
            return parameters.get(id);
        }
        return references.ref(id);
    }

    private String getAtt(List<?> arguments) {
        if (arguments.size() != 2) {
            throw new TemplateException("Fn::GetAtt - needs [LogicalId, Attribute], got " + arguments);
        }
        return references.getAtt(String.valueOf(arguments.get(0)), String.valueOf(arguments.get(1)));
    }

    private String sub(Object argument) {
        String text;
        Map<?, ?> variables = Map.of();
        if (argument instanceof List<?> list) {
            text = String.valueOf(list.get(0));
            variables = list.size() > 1 ? (Map<?, ?>) evaluate(list.get(1)) : Map.of();
        } else {
            text = String.valueOf(argument);
        }
        Matcher matcher = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(subVariable(matcher.group(1), variables)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String subVariable(String name, Map<?, ?> variables) {
        if (name.startsWith("!")) {
            return "${" + name.substring(1) + "}";
        }
        if (variables.containsKey(name)) {
            return String.valueOf(variables.get(name));
        }
        int dot = name.indexOf('.');
        if (dot > 0 && !parameters.containsKey(name)) {
            return references.getAtt(name.substring(0, dot), name.substring(dot + 1));
        }
        Object value = ref(name);
        if (value instanceof List<?> list) {
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

    private String join(List<?> arguments) {
        String delimiter = String.valueOf(arguments.get(0));
        List<?> parts = list(evaluate(arguments.get(1)), "Fn::Join");
        return String.join(delimiter, parts.stream().map(String::valueOf).toList());
    }

    private Object select(List<?> arguments) {
        int index = Integer.parseInt(String.valueOf(evaluate(arguments.get(0))));
        return list(evaluate(arguments.get(1)), "Fn::Select").get(index);
    }

    private List<String> split(List<?> arguments) {
        String delimiter = String.valueOf(arguments.get(0));
        String source = String.valueOf(evaluate(arguments.get(1)));
        return List.of(source.split(Pattern.quote(delimiter), -1));
    }

    private Object ifThen(List<?> arguments) {
        boolean holds = condition(String.valueOf(arguments.get(0)));
        return evaluate(arguments.get(holds ? 1 : 2));
    }

    private boolean equalsAll(List<?> values) {
        return String.valueOf(values.get(0)).equals(String.valueOf(values.get(1)));
    }

    private Object findInMap(List<?> keys) {
        Object top = mappings.get(String.valueOf(keys.get(0)));
        if (top instanceof Map<?, ?> topMap && topMap.get(String.valueOf(keys.get(1))) instanceof Map<?, ?> second) {
            Object value = second.get(String.valueOf(keys.get(2)));
            if (value != null) {
                return value;
            }
        }
        throw new TemplateException("Fn::FindInMap - no value for " + keys);
    }

    private static List<?> list(Object value, String function) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw new TemplateException(function + " - expects a list, got " + value);
    }

    private static boolean asBoolean(Object value, String where) {
        if (value instanceof Boolean b) {
            return b;
        }
        if ("true".equalsIgnoreCase(String.valueOf(value)) || "false".equalsIgnoreCase(String.valueOf(value))) {
            return Boolean.parseBoolean(String.valueOf(value));
        }
        throw new TemplateException(where + " - expects a boolean, got " + value);
    }
}
