package com.kin.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
