package com.kin.twilio.webhook;

import com.kin.core.error.BadRequestError;
import io.micronaut.core.annotation.Nullable;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of an {@code application/x-www-form-urlencoded} webhook body, in the order they came, with every value
 * a repeated name carried (Twilio repeats names for lists, and signs all of them).
 */
public final class FormBody {

    private static final FormBody EMPTY = new FormBody(Map.of());

    private final Map<String, List<String>> values;

    private FormBody(Map<String, List<String>> values) {
        this.values = values;
    }

    /**
     * Parses a webhook body as the event carries it.
     *
     * @param base64Encoded the event's {@code isBase64Encoded}: function URLs may hand the body over base64-encoded
     * @throws BadRequestError when the body is not valid base64 or not valid form encoding
     */
    public static FormBody parse(@Nullable String body, boolean base64Encoded) {
        if (body == null || body.isEmpty()) {
            return EMPTY;
        }
        String form = base64Encoded ? decodeBase64(body) : body;
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String pair : form.split("&")) {
            if (!pair.isEmpty()) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                String value = equals < 0 ? "" : pair.substring(equals + 1);
                values.computeIfAbsent(urlDecode(name), key -> new ArrayList<>()).add(urlDecode(value));
            }
        }
        values.replaceAll((name, list) -> List.copyOf(list));
        return new FormBody(Collections.unmodifiableMap(values));
    }

    /** Each parameter's first value, which is all most handlers need ({@code From}, {@code Body}, {@code CallSid}...). */
    public static Map<String, String> firstValues(@Nullable String body, boolean base64Encoded) {
        return parse(body, base64Encoded).asMap();
    }

    /** A parameter's first value. */
    public Optional<String> first(String name) {
        List<String> all = values.get(name);
        return all == null ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Every value of a parameter, in body order; empty when absent. */
    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    /** Each parameter's first value, in body order. */
    public Map<String, String> asMap() {
        Map<String, String> firsts = new LinkedHashMap<>();
        values.forEach((name, list) -> firsts.put(name, list.get(0)));
        return Collections.unmodifiableMap(firsts);
    }

    /** Every parameter with all its values, in body order. */
    public Map<String, List<String>> allValues() {
        return values;
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    @Override
    public String toString() {
        return "FormBody" + values.keySet();
    }

    private static String decodeBase64(String body) {
        try {
            return new String(Base64.getDecoder().decode(body.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequestError("twilio webhook - body is marked base64 but is not valid base64", Map.of(), e);
        }
    }

    private static String urlDecode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequestError("twilio webhook - body is not valid form encoding", Map.of(), e);
        }
    }
}
