package com.kin.local.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed access to the maps and lists snakeyaml produces, failing with the path of the offending entry. */
public final class Yamls {

    private Yamls() {
    }

    public static Map<String, Object> map(Object value, String where) {
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> typed = new LinkedHashMap<>();
            map.forEach((k, v) -> typed.put(String.valueOf(k), v));
            return typed;
        }
        throw new TemplateException(where + " - must be a mapping, got " + value);
    }

    public static List<?> list(Object value, String where) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list;
        }
        throw new TemplateException(where + " - must be a list, got " + value);
    }

    public static String requiredString(Map<String, Object> map, String key, String where) {
        Object value = map.get(key);
        if (value == null) {
            throw new TemplateException(where + "." + key + " - is required");
        }
        return String.valueOf(value);
    }

    public static int integer(Object value, int fallback, String where) {
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw new TemplateException(where + " - must be a whole number, got " + value, e);
        }
    }
}
