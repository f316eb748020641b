package com.kin.local.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kin.local.LocalPlatform;
import com.kin.local.PlatformOptions;
import com.kin.local.auth.LocalIdentity;
import com.kin.local.auth.SigningKeys;
import com.kin.local.seed.SeedUsers;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The fixture template (src/test/resources/local-it) running on the local platform, shared by every IT class of
 * the run: started once, on free ports, and stopped when the last test has finished.
 */
public final class FixtureStack implements ExtensionContext.Store.CloseableResource {

    static final int MAX_INSTANCES = 2;
    /**
     * Shorter than API Gateway's 30 s, so that the 503 of an integration timeout takes less of the run; long enough for
     * a cold start and the slowest other request (two 4 s sleeps in a row under the instance limit) on a busy machine.
     */
    static final Duration INTEGRATION_TIMEOUT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    final Path directory;
    final Path results;
    final LocalPlatform platform;
    final LocalIdentity identity;
    final CapturedLog log;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String api;

    private FixtureStack(Path directory, Path results, LocalPlatform platform, LocalIdentity identity, CapturedLog log) {
        this.directory = directory;
        this.results = results;
        this.platform = platform;
        this.identity = identity;
        this.log = log;
        this.api = "http://127.0.0.1:" + platform.gateway().orElseThrow().port();
    }

    static FixtureStack start() throws Exception {
        Path directory = Files.createTempDirectory("kin-local-it");
        Path results = prepare(directory);
        Path state = directory.resolve("state");
        PlatformOptions options = new PlatformOptions(directory.resolve("template.yaml"), state, null, 0,
                PlatformOptions.Seed.NONE, false, MAX_INSTANCES, Map.of("ResultDir", results.toString()), true, true,
                INTEGRATION_TIMEOUT);
        CapturedLog log = new CapturedLog(System.out);
        LocalPlatform platform = LocalPlatform.start(options, log.stream(), Clock.systemUTC());
        return new FixtureStack(directory, results, platform,
                new LocalIdentity(SigningKeys.loadOrCreate(state), Clock.systemUTC()), log);
    }

    /**
     * Lays out the fixture template and its functions in {@code directory} (template.yaml, the function jar and
     * directory); returns the directory the worker records in, for the template's ResultDir parameter.
     */
    static Path prepare(Path directory) throws IOException {
        try (InputStream template = Objects.requireNonNull(FixtureStack.class.getResourceAsStream("/local-it/template.yaml"))) {
            Files.copy(template, directory.resolve("template.yaml"));
        }
        FixtureFunction.layOut(Path.of("target", "fixture-function"), directory);
        return Files.createDirectories(directory.resolve("results"));
    }

    String token(String email) {
        return identity.issue(SeedUsers.byEmail(email).orElseThrow(), "kin-it", Duration.ofHours(1));
    }

    URI uri(String pathAndQuery) {
        return URI.create(api + pathAndQuery);
    }

    HttpResponse<String> get(String pathAndQuery, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(60)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> authorizedGet(String pathAndQuery) throws IOException, InterruptedException {
        return get(pathAndQuery, "authorization", "Bearer " + token("agent1@kin.local"));
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    @Override
    public void close() {
        platform.close();
    }
}
