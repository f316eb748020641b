package com.kin.templatecheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The payload 2.0 samples under events/: the file, its routeKey and rawPath. */
public final class EventSamples {

    /** One sample; {@code routeKey} is {@code $default} for a function URL event, null when the file has none. */
    public record Sample(Path file, String routeKey, String rawPath) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventSamples() {
    }

    public static List<Sample> read(Path eventsDir) {
        try (Stream<Path> files = Files.walk(eventsDir)) {
            return files.filter(file -> file.toString().endsWith(".json")).sorted().map(EventSamples::sample).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("template-check - cannot list " + eventsDir, e);
        }
    }

    private static Sample sample(Path file) {
        try {
            JsonNode event = JSON.readTree(file.toFile());
            return new Sample(file, text(event, "routeKey"), text(event, "rawPath"));
        } catch (IOException e) {
            throw new UncheckedIOException("template-check - " + file + " is not JSON", e);
        }
    }

    private static String text(JsonNode event, String field) {
        JsonNode node = event.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
