package com.kin.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Reads the sample events under the repository's {@code events/} folder with the serializers Lambda's own runtime uses,
 * so a test feeds the handler exactly what AWS would.
 */
public final class LambdaEvents {

    private LambdaEvents() {
    }

    /** The repository's {@code events/} folder, found from the module's working directory upwards. */
    public static Path eventsDir() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path events = dir.resolve("events");
            if (Files.isDirectory(events) && Files.exists(dir.resolve("template.yaml"))) {
                return events;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no events/ folder beside a template.yaml above " + Path.of("").toAbsolutePath());
    }

    /** The text of {@code events/<relative>}. */
    public static String json(String relative) {
        try {
            return Files.readString(eventsDir().resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read event " + relative, e);
        }
    }

    /** A payload-2.0 event from {@code events/<relative>}. */
    public static APIGatewayV2HTTPEvent http(String relative) {
        return http(relative, UnaryOperator.identity());
    }

    /** A payload-2.0 event from {@code events/<relative>}, its JSON text first passed through {@code edit}. */
    public static APIGatewayV2HTTPEvent http(String relative, UnaryOperator<String> edit) {
        return parse(edit.apply(json(relative)), APIGatewayV2HTTPEvent.class);
    }

    /** The event with {@code rawQuery} (URL-encoded) as its query, decoded into parameters as API Gateway does. */
    public static APIGatewayV2HTTPEvent withQuery(APIGatewayV2HTTPEvent event, String rawQuery) {
        event.setRawQueryString(rawQuery);
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (!pair.isEmpty()) {
                String[] kv = pair.split("=", 2);
                params.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
            }
        }
        event.setQueryStringParameters(params);
        return event;
    }

    /** The event as sent by {@code userId} with {@code role} in {@code department} (null: none), in its JWT claims. */
    public static APIGatewayV2HTTPEvent as(APIGatewayV2HTTPEvent event, UUID userId, String role, String department) {
        Map<String, String> claims = event.getRequestContext().getAuthorizer().getJwt().getClaims();
        claims.put("sub", userId.toString());
        claims.put("role", role);
        if (department == null) {
            claims.remove("department");
        } else {
            claims.put("department", department);
        }
        return event;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    public static <T> T parse(String json, Class<T> type) {
        PojoSerializer<T> serializer = LambdaEventSerializers.serializerFor(type, LambdaEvents.class.getClassLoader());
        return serializer.fromJson(json);
    }

    public static <T> String toJson(T value, Class<T> type) {
        PojoSerializer<T> serializer = LambdaEventSerializers.serializerFor(type, LambdaEvents.class.getClassLoader());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        serializer.toJson(value, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
