package com.kin.local.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.kin.local.LoopbackHttpServer;
import com.kin.local.lambda.InvocationResult.Failure;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The Lambda Runtime API (version 2018-06-01) that the runtime interface client of every function JVM talks to.
 * Each execution environment gets its own address, {@code 127.0.0.1:PORT/<instance>}, so the server knows which
 * JVM asks for work and which one to replace when an invocation times out.
 */
public final class RuntimeApiServer implements AutoCloseable {

    /** One execution environment as the Runtime API serves it. */
    public interface ExecutionEnvironment {
        /** Blocks until there is an event; null when the environment is being shut down. */
        Invocation next() throws InterruptedException;

        boolean complete(String requestId, InvocationResult result);

        void initFailed(Failure error);

        String functionArn();
    }

    private static final String API = "/2018-06-01/runtime/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final Map<String, ExecutionEnvironment> environments = new ConcurrentHashMap<>();

    private RuntimeApiServer(HttpServer server, ThreadPoolExecutor executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Listens on a free loopback port; every environment holds one thread while it waits in {@code next}. */
    public static RuntimeApiServer start(int maxEnvironments) throws IOException {
        HttpServer server = LoopbackHttpServer.create(0, 64);
        ThreadPoolExecutor executor = new ThreadPoolExecutor(2, 2 * maxEnvironments + 16, 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "runtime-api");
                    thread.setDaemon(true);
                    return thread;
                });
        RuntimeApiServer api = new RuntimeApiServer(server, executor);
        server.createContext("/", api::handle);
        server.setExecutor(executor);
        server.start();
        return api;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Registers an environment; returns the value of its AWS_LAMBDA_RUNTIME_API. */
    String register(String instanceId, ExecutionEnvironment environment) {
        environments.put(instanceId, environment);
        return "127.0.0.1:" + port() + "/" + instanceId;
    }

    void unregister(String instanceId) {
        environments.remove(instanceId);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            int api = path.indexOf(API);
            ExecutionEnvironment environment = api > 0 ? environments.get(path.substring(1, api)) : null;
            if (environment == null) {
                send(exchange, 404, error("ResourceNotFound", "no execution environment at " + path));
                return;
            }
            route(exchange, environment, exchange.getRequestMethod(), path.substring(api + API.length()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void route(HttpExchange exchange, ExecutionEnvironment environment, String method, String route)
            throws IOException, InterruptedException {
        if (method.equals("GET") && route.equals("invocation/next")) {
            next(exchange, environment);
        } else if (method.equals("POST") && route.equals("init/error")) {
            environment.initFailed(failure(exchange));
            send(exchange, 202, "{\"status\":\"OK\"}");
        } else if (method.equals("POST") && route.startsWith("invocation/") && route.endsWith("/response")) {
            String requestId = route.substring("invocation/".length(), route.length() - "/response".length());
            byte[] body = exchange.getRequestBody().readAllBytes();
            accepted(exchange, environment.complete(requestId, new InvocationResult.Success(body)), requestId);
        } else if (method.equals("POST") && route.startsWith("invocation/") && route.endsWith("/error")) {
            String requestId = route.substring("invocation/".length(), route.length() - "/error".length());
            accepted(exchange, environment.complete(requestId, failure(exchange)), requestId);
        } else {
            send(exchange, 404, error("InvalidRequest", method + " " + route + " is not part of the Runtime API"));
        }
    }

    private void next(HttpExchange exchange, ExecutionEnvironment environment) throws IOException, InterruptedException {
        Invocation invocation = environment.next();
        if (invocation == null) {
            send(exchange, 500, error("Runtime.Shutdown", "this execution environment is being shut down"));
            return;
        }
        // The runtime interface client reads every one of these headers; a missing one crashes it natively.
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        headers.set("Lambda-Runtime-Deadline-Ms", String.valueOf(invocation.deadlineEpochMs()));
        headers.set("Lambda-Runtime-Invoked-Function-Arn", environment.functionArn());
        headers.set("Lambda-Runtime-Trace-Id", invocation.traceId());
        headers.set("Lambda-Runtime-Client-Context", "");
        headers.set("Lambda-Runtime-Cognito-Identity", "");
        headers.set("Lambda-Runtime-Aws-Tenant-Id", "");
        exchange.sendResponseHeaders(200, invocation.payload().length == 0 ? -1 : invocation.payload().length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(invocation.payload());
        }
    }

    private void accepted(HttpExchange exchange, boolean known, String requestId) throws IOException {
        if (known) {
            send(exchange, 202, "{\"status\":\"OK\"}");
        } else {
            send(exchange, 400, error("InvalidRequestID", requestId + " is not the current invocation"));
        }
    }

    /** An error the runtime client posted: the errorType of its JSON body, else the error-type header. */
    private static Failure failure(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String type = exchange.getRequestHeaders().getFirst("Lambda-Runtime-Function-Error-Type");
        try {
            JsonNode errorType = JSON.readTree(body).path("errorType");
            if (errorType.isTextual()) {
                type = errorType.asText();
            }
        } catch (IOException e) {
            // Not JSON: the header names the error and the body is kept as sent.
        }
        return new Failure(type == null ? "Unhandled" : type, body);
    }

    private static String error(String type, String message) {
        return "{\"errorType\":\"" + type + "\",\"errorMessage\":\"" + message.replace("\"", "'") + "\"}";
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
