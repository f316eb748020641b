package com.kin.bench.floor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FloorHandlerTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final UUID AGENT1 = UUID.fromString("00000000-0000-4000-8000-000000000003");

    @Test
    void plainUrl_dropsTheAwsWrapperPrefixOnly() {
        assertThat(SqlFloor.plainUrl("jdbc:aws-wrapper:postgresql://127.0.0.1:5432/kin"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/kin");
        assertThat(SqlFloor.plainUrl("jdbc:postgresql://h/kin")).isEqualTo("jdbc:postgresql://h/kin");
    }

    @Test
    void of_knowsTheFunctionsWithAFloor_andNoOther() {
        assertThat(FloorQueries.functions()).containsExactlyInAnyOrder("contacts", "templates", "calls", "voicemails",
                "users", "messages", "search", "bulk-sms", "health", "metrics");
        assertThat(FloorQueries.of("contacts")).get().isInstanceOfSatisfying(SqlFloor.class, floor ->
                assertThat(floor.statements().get(0).sql()).contains("from contacts c").contains("where c.id = ?"));
        assertThat(FloorQueries.of("twilio-voice")).isEmpty();
    }

    @Test
    void everySqlStatement_hasOneParameterPerPlaceholder() {
        for (String function : FloorQueries.functions()) {
            if (FloorQueries.of(function).orElseThrow() instanceof SqlFloor floor) {
                floor.statements().forEach(statement -> assertThat(statement.params())
                        .as(function + " " + statement.name())
                        .hasSize((int) statement.sql().chars().filter(c -> c == '?').count()));
            }
        }
    }

    @Test
    void messages_bindsTheIdAndTheAgentTwice() throws IOException {
        FloorStatement statement = statements("messages").get(0);

        Object[] values = statement.values(request("messages/get.json", Map.of()));

        assertThat(values).containsExactly(UUID.fromString("20000000-0000-4000-8000-000000000001"), AGENT1, AGENT1);
        assertThat(statement.sql()).contains("from messages m where m.id = ?").contains("m.contact_owner_id = ?");
    }

    @Test
    void agentVisibility_refusesAnotherRole() throws IOException {
        FloorStatement statement = statements("messages").get(0);
        FloorRequest admin = request("users/get.json", Map.of());
        admin.event().setPathParameters(Map.of("id", UUID.randomUUID().toString()));

        assertThatThrownBy(() -> statement.values(admin)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("agent").hasMessageContaining("admin");
    }

    @Test
    void search_runsContactsMessagesVoicemails_withTheNormalisedText() throws IOException {
        List<FloorStatement> search = statements("search");
        FloorRequest request = request("search/search.json", Map.of());
        request.event().setQueryStringParameters(Map.of("q", "  Due  50%_Off "));

        assertThat(search).extracting(FloorStatement::name).containsExactly("contacts", "messages", "voicemails");
        assertThat(search.get(0).values(request))
                .containsExactly("due 50%_off", "%due 50\\%\\_off%", AGENT1, 50, "due 50%_off", 5);
        assertThat(search.get(2).values(request))
                .containsExactly("due 50%_off", AGENT1, "sales", 50, "due 50%_off", 5);
    }

    @Test
    void search_takesTheSampleLimit() throws IOException {
        assertThat(statements("search").get(1).values(request("search/search.json", Map.of())))
                .containsExactly("invoice", AGENT1, AGENT1, 50, "invoice", 5);
    }

    @Test
    void bulkSms_staleBeforeIsNowMinusTheConfiguredSeconds() throws IOException {
        FloorRequest request = request("bulk-sms/get.json", Map.of("BULK_SMS_SENDING_STALE_SECONDS", "300"));

        Object[] values = statements("bulk-sms").get(0).values(request);

        assertThat(((OffsetDateTime) values[0]).toInstant())
                .isBetween(Instant.now().minus(Duration.ofSeconds(310)), Instant.now().minus(Duration.ofSeconds(290)));
        assertThat(values[2]).isEqualTo(UUID.fromString("2b000000-0000-4000-8000-000000000001"));
        assertThat(values[3]).isEqualTo(AGENT1);
    }

    @Test
    void rowFloor_takesExactlyOneStatement() {
        FloorStatement one = new FloorStatement("a", "select 1", List.of());
        assertThatThrownBy(() -> new SqlFloor(SqlFloor.Shape.ROW, List.of(one, one)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void metrics_asksForEachDiscoveredMetric_inTheConfiguredNamespace() throws IOException {
        assertThat(FloorQueries.of("metrics")).get().isEqualTo(new MetricsFloor(MetricsFloorPlan.DISCOVERED));
        assertThat(MetricsFloor.seriesUri("http://127.0.0.1:9/_local/metrics/", "KIN dev", "CacheHit"))
                .isEqualTo("http://127.0.0.1:9/_local/metrics/series?namespace=KIN+dev&metric=CacheHit");
        assertThat(MetricsFloor.namespace(request("metrics/get.json", Map.of()))).isEqualTo("KIN");
        assertThat(MetricsFloor.namespace(request("metrics/get.json", Map.of("POWERTOOLS_METRICS_NAMESPACE", "X"))))
                .isEqualTo("X");
    }

    @Test
    void metrics_windowIsTheQueryParameter_orTheRetention() throws IOException {
        FloorRequest sample = request("metrics/get.json", Map.of("METRICS_RETENTION_TIME", "3600000"));
        assertThat(MetricsFloor.window(sample)).isEqualTo(Duration.ofMinutes(15));
        sample.event().setQueryStringParameters(null);
        assertThat(MetricsFloor.window(sample)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void missingEnvironment_failsNamingTheVariable() throws IOException {
        assertThatThrownBy(() -> request("metrics/get.json", Map.of()).env("DB_URL"))
                .hasMessageContaining("DB_URL");
    }

    private static List<FloorStatement> statements(String function) {
        return ((SqlFloor) FloorQueries.of(function).orElseThrow()).statements();
    }

    /** A real sample event of events/ with {@code environment} as the process environment. */
    private static FloorRequest request(String event, Map<String, String> environment) throws IOException {
        APIGatewayV2HTTPEvent parsed = JSON.readValue(Files.readString(Path.of("../../events").resolve(event)),
                APIGatewayV2HTTPEvent.class);
        return new FloorRequest(parsed, environment::get);
    }
}
