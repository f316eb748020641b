package com.kin.local.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kin.local.LocalPlatform;
import com.kin.local.Main;
import com.kin.local.PlatformOptions;
import com.kin.local.lambda.InvocationResult;
import com.kin.local.seed.SeedUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the "done means" asks, as the README's quick start does it: the real template.yaml and function jars,
 * {@code --seed small}, a token printed by {@code ./kin token} for agent1, then {@code GET /api/contacts} answers with
 * agent1's demo contacts through the contacts function in a JVM of its own; without a token the gateway answers 401.
 * And {@code ./kin invoke contacts --event events/contacts/list.json} finds agent1's contacts, the sample events
 * speaking for the seeded users.
 */
class QuickstartIT {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent().getParent();
    private static final Path TEMPLATE = REPOSITORY.resolve("template.yaml");
    private static final Path STATE = Path.of("target", "kin-state");
    private static final String AGENT1 = SeedUsers.byEmail("agent1@kin.local").orElseThrow().id().toString();
    private static final Pattern COLD_START = Pattern.compile("^ContactsFunction-[0-9]+ *\\| INIT_REPORT .*pid ([0-9]+)\\)$");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static LocalPlatform platform;
    private static CapturedLog log;

    @BeforeAll
    static void startLikeKinRun() throws Exception {
        if (!Files.isRegularFile(REPOSITORY.resolve("functions/contacts/target/function.jar"))) {
            fail("functions/contacts/target/function.jar is missing: build the functions first with"
                    + " `mvn -B install -DskipTests` at the repository root");
        }
        // As `./kin run` with the defaults, less the queue pollers and with one instance per function.
        PlatformOptions options = new PlatformOptions(TEMPLATE, STATE, null, 0, PlatformOptions.Seed.SMALL, false, 1,
                Map.of(), true, false);
        log = new CapturedLog(System.out);
        platform = LocalPlatform.start(options, log.stream(), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void contactsWithATokenFromKinToken_areAgent1sDemoContacts_servedByAFunctionJvm() throws Exception {
        String token = KinCommandIT.runCapturingStdout(() -> Main.commandLine().execute("token",
                "--email", "agent1@kin.local", "--template", TEMPLATE.toString(), "--state", STATE.toString())).trim();

        HttpResponse<String> response = get("/api/contacts", "authorization", "Bearer " + token);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertOnlyAgent1sContacts(JSON.readTree(response.body()));
        long functionPid = log.lines().stream().map(COLD_START::matcher).filter(Matcher::matches)
                .mapToLong(cold -> Long.parseLong(cold.group(1))).findFirst().orElseThrow();
        assertThat(functionPid).as("the contacts function's own JVM").isNotEqualTo(ProcessHandle.current().pid());
    }

    @Test
    void contactsWithoutAToken_areAnswered401ByTheGateway() throws Exception {
        HttpResponse<String> response = get("/api/contacts");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    }

    @Test
    void sampleEventInvokedAsKinInvokeDoes_findsAgent1sContacts() throws Exception {
        byte[] event = Files.readAllBytes(REPOSITORY.resolve("events/contacts/list.json"));

        InvocationResult result = platform.function("contacts").orElseThrow().invoke(event).result()
                .get(2, TimeUnit.MINUTES);

        assertThat(result).as(new String(result.payload())).isInstanceOf(InvocationResult.Success.class);
        JsonNode response = JSON.readTree(result.payload());
        assertThat(response.path("statusCode").asInt()).as(response.toString()).isEqualTo(200);
        assertOnlyAgent1sContacts(JSON.readTree(response.path("body").asText()));
    }

    private static void assertOnlyAgent1sContacts(JsonNode page) {
        assertThat(page.path("items").size()).as(page.toString()).isPositive();
        page.path("items").forEach(contact -> assertThat(contact.path("ownerId").asText()).isEqualTo(AGENT1));
    }

    private static HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gateway().orElseThrow().url() + path))
                .timeout(Duration.ofMinutes(2)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
