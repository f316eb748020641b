package com.kin.local.services.twilio;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An {@code application/x-www-form-urlencoded} body, the way the Twilio SDK posts its parameters and Twilio posts its
 * callbacks: names in the order they came, a repeated name (StatusCallbackEvent, MediaUrl) keeping every value.
 */
final class FormFields {

    private final Map<String, List<String>> values;

    private FormFields(Map<String, List<String>> values) {
        this.values = values;
    }

    /** Parses a form body; a pair without '=' is a name with an empty value, as browsers and Twilio read it. */
    static FormFields parse(String body) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (body != null && !body.isEmpty()) {
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals));
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
                values.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
            }
        }
        return new FormFields(values);
    }

    /** The first value of {@code name}, if it came and is not blank. */
    Optional<String> first(String name) {
        return all(name).stream().filter(value -> !value.isBlank()).findFirst();
    }

    /** Every non-blank value of {@code name}, in order. */
    List<String> all(String name) {
        return Collections.unmodifiableList(values.getOrDefault(name, List.of()).stream()
                .filter(value -> !value.isBlank()).toList());
    }

    /** Form-encodes single-valued parameters in their map order. */
    static String encode(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("twilio stand-in - malformed form encoding in '" + text + "'", e);
        }
    }
}
