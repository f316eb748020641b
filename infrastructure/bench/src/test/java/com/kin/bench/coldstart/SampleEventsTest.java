package com.kin.bench.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SampleEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void pathId_isTheEventsOnePathParameter_whateverItsName() throws IOException {
        assertThat(SampleEvents.pathId(event("messages/get.json"))).isEqualTo("20000000-0000-4000-8000-000000000001");
        assertThat(SampleEvents.pathId(event("bulk-sms/get.json"))).isEqualTo("2b000000-0000-4000-8000-000000000001");
    }

    @Test
    void pathId_isEmpty_forEventsWithoutOne() throws IOException {
        assertThat(SampleEvents.pathId(event("search/search.json"))).isEmpty();
        assertThat(SampleEvents.pathId(event("health/health.json"))).isEmpty();
        assertThat(SampleEvents.pathId(event("metrics/get.json"))).isEmpty();
    }

    private static com.fasterxml.jackson.databind.JsonNode event(String name) throws IOException {
        return JSON.readTree(Path.of("../../events").resolve(name).toFile());
    }
}
