package com.kin.local;

import com.kin.local.gateway.Gateway;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How to run the local platform. {@code dataDirectory} null means a fresh temporary database; {@code port} 0 picks a
 * free port; {@code serveHttp} and {@code pollQueues} are off for a single {@code invoke}; {@code integrationTimeout}
 * is how long the HTTP API waits for a function before its 503 (API Gateway's 30 s unless a test wants less).
 */
public record PlatformOptions(Path template, Path stateDirectory, Path dataDirectory, int port, Seed seed,
                              boolean warm, int instanceLimit, Map<String, String> parameters, boolean serveHttp,
                              boolean pollQueues, Duration integrationTimeout) {

    /** Demo data: none, or a small data set (a few thousand rows) for the seeded users. */
    public enum Seed { NONE, SMALL }

    public PlatformOptions {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port - must be between 0 and 65535, got " + port);
        }
        if (instanceLimit < 1) {
            throw new IllegalArgumentException("--max-instances - must be at least 1, got " + instanceLimit);
        }
        parameters = Map.copyOf(parameters);
        Objects.requireNonNull(integrationTimeout, "integrationTimeout");
    }

    /** With API Gateway's integration timeout. */
    public PlatformOptions(Path template, Path stateDirectory, Path dataDirectory, int port, Seed seed, boolean warm,
                           int instanceLimit, Map<String, String> parameters, boolean serveHttp, boolean pollQueues) {
        this(template, stateDirectory, dataDirectory, port, seed, warm, instanceLimit, parameters, serveHttp, pollQueues,
                Gateway.DEFAULT_INTEGRATION_TIMEOUT);
    }
}
