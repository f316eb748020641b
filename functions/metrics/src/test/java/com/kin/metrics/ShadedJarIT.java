package com.kin.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.kin.local.metrics.LocalMetricStore;
import com.kin.local.metrics.LocalMetricsServer;
import com.kin.testing.LambdaEvents;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The deployable artifact, target/function.jar, run as Lambda runs it: alone on its class loader, the handler built
 * by its no-arg constructor. Catches what the module's own class path hides, such as a library the shaded jar lacks
 * (a test-scoped dependency once kept jackson-databind, which the EMF library needs, out of the jar).
 */
class ShadedJarIT {

    private LocalMetricsServer server;

    @BeforeEach
    void start() throws Exception {
        server = LocalMetricsServer.start(new LocalMetricStore(Duration.ofHours(1), Clock.systemUTC(), 1_000));
        // Micronaut reads system properties as it reads the environment; Lambda would pass these as variables.
        System.setProperty("metrics.source", "local");
        System.setProperty("metrics.local-url", server.url());
    }

    @AfterEach
    void stop() {
        System.clearProperty("metrics.source");
        System.clearProperty("metrics.local-url");
        server.close();
    }

    @Test
    void handlerInTheJar_answersTheSampleEvent() throws Exception {
        Path jar = Path.of("target", "function.jar");
        assertThat(jar).exists();
        ClassLoader testLoader = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader lambda = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            // As the runtime interface client does: service lookups must see the jar, not this test's class path.
            Thread.currentThread().setContextClassLoader(lambda);
            Class<?> handlerType = lambda.loadClass("com.kin.metrics.MetricsHandler");
            Object handler = handlerType.getConstructor().newInstance();
            Class<?> eventType = lambda.loadClass("com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent");
            Class<?> contextType = lambda.loadClass("com.amazonaws.services.lambda.runtime.Context");
            Object event = readEvent(lambda, eventType);
            Object context = Proxy.newProxyInstance(lambda, new Class<?>[] {contextType}, (proxy, method, args) ->
                    switch (method.getName()) {
                        case "getAwsRequestId" -> "shaded-jar-it";
                        case "getFunctionName" -> "kin-it-metrics";
                        case "getRemainingTimeInMillis", "getMemoryLimitInMB" -> 10_000;
                        default -> null;
                    });
            Method handle = handlerType.getMethod("handleRequest", Object.class, contextType);
            Object response = handle.invoke(handler, event, context);

            int status = (int) response.getClass().getMethod("getStatusCode").invoke(response);
            String body = (String) response.getClass().getMethod("getBody").invoke(response);
            assertThat(status).as(body).isEqualTo(200);
            assertThat(body).contains("\"source\":\"local\"").contains("\"duration\":\"PT15M\"");
            handlerType.getMethod("close").invoke(handler);
        } finally {
            Thread.currentThread().setContextClassLoader(testLoader);
        }
    }

    /**
     * events/metrics/get.json read with the Jackson inside the jar (Lambda's own serializer belongs to the runtime, not
     * the function package).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object readEvent(ClassLoader lambda, Class<?> eventType) throws Exception {
        Class<?> mapperType = lambda.loadClass("com.fasterxml.jackson.databind.ObjectMapper");
        Class feature = lambda.loadClass("com.fasterxml.jackson.databind.DeserializationFeature");
        Object mapper = mapperType.getConstructor().newInstance();
        mapperType.getMethod("configure", feature, boolean.class)
                .invoke(mapper, Enum.valueOf(feature, "FAIL_ON_UNKNOWN_PROPERTIES"), false);
        String json = Files.readString(LambdaEvents.eventsDir().resolve("metrics/get.json"));
        return mapperType.getMethod("readValue", String.class, Class.class).invoke(mapper, json, eventType);
    }
}
