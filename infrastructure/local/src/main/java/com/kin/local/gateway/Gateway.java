package com.kin.local.gateway;

import com.kin.local.LogStream;
import com.kin.local.LoopbackHttpServer;
import com.kin.local.lambda.FunctionPool;
import com.kin.local.lambda.Invocation;
import com.kin.local.lambda.InvocationResult;
import com.kin.local.template.FunctionSpec.HttpRouteSpec;
import com.kin.local.template.FunctionSpec;
import com.kin.local.template.HttpApiSpec;
import com.kin.local.template.LocalStack;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * API Gateway (HTTP API) and Lambda function URLs on one local port: {@code /fn/<FunctionLogicalId>/...} reaches a
 * function URL, every other path goes through the HTTP API's routes, CORS and JWT authorizer.
 */
public final class Gateway implements AutoCloseable {

    /**
     * HTTP APIs give up on an integration after 30 seconds, whatever the function's own Timeout, and answer 503
     * {@code {"message":"Service Unavailable"}}; the function runs on.
     */
    public static final Duration DEFAULT_INTEGRATION_TIMEOUT = Duration.ofSeconds(30);
    public static final String FUNCTION_URL_PREFIX = "/fn";
    private static final int WORKERS = 64;

    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final Duration integrationTimeout;
    private final Clock clock;
    private final LogStream log;
    private HttpApiRouter api;
    private Map<String, FunctionPool> functionUrls;
    private boolean serving;

    private Gateway(HttpServer server, ThreadPoolExecutor executor, Duration integrationTimeout, Clock clock,
                    LogStream log) {
        this.server = server;
        this.executor = executor;
        this.integrationTimeout = integrationTimeout;
        this.clock = clock;
        this.log = log;
    }

    /**
     * Takes the port first (0: a free one), so that a port in use fails before anything else starts.
     * {@code integrationTimeout} is how long an HTTP API route waits for its function (API Gateway: 30 s).
     */
    public static Gateway bind(int port, Duration integrationTimeout, Clock clock, LogStream log) throws IOException {
        if (integrationTimeout.isNegative() || integrationTimeout.isZero()) {
            throw new IllegalArgumentException("gateway - the integration timeout must be positive, got " + integrationTimeout);
        }
        HttpServer server;
        try {
            server = LoopbackHttpServer.create(port, 128);
        } catch (BindException e) {
            throw new BindException("gateway - port " + port + " is in use; stop what uses it or pass --port 0 for a free one");
        }
        ThreadPoolExecutor executor = new ThreadPoolExecutor(WORKERS, WORKERS, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "gateway");
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return new Gateway(server, executor, integrationTimeout, clock, log);
    }

    /** Routes the template's HTTP API and function URLs to the pools, and starts answering. */
    public void serve(List<FunctionPool> pools, LocalStack stack, RSAKey signingKey) {
        Map<String, FunctionPool> poolsById = new HashMap<>();
        Map<String, FunctionPool> urls = new HashMap<>();
        Map<String, HttpApiSpec> apis = new HashMap<>();
        for (FunctionPool pool : pools) {
            FunctionSpec function = pool.function();
            poolsById.put(function.logicalId(), pool);
            if (function.functionUrl() != null) {
                urls.put(function.logicalId(), pool);
            }
            for (HttpRouteSpec route : function.routes()) {
                apis.computeIfAbsent(route.apiId(), stack::httpApi);
            }
        }
        this.api = new HttpApiRouter(apis, poolsById, signingKey, integrationTimeout, clock);
        this.functionUrls = Map.copyOf(urls);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
        serving = true;
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            GatewayRequest request = GatewayRequest.read(exchange);
            String requestId = newRequestId();
            GatewayResponse response = request.body().length > GatewayRequest.MAX_BODY_BYTES
                    ? GatewayResponse.error(413, "Request Entity Too Large")
                    : dispatch(request, requestId);
            write(exchange, request, response.withHeader("apigw-requestid", requestId));
        }
    }

    private GatewayResponse dispatch(GatewayRequest request, String requestId) {
        String path = request.rawPath();
        if (path.equals(FUNCTION_URL_PREFIX) || path.startsWith(FUNCTION_URL_PREFIX + "/")) {
            return functionUrl(request, requestId);
        }
        return api.handle(request, requestId, clock.instant(), port(), this::invoke);
    }

    /** {@code /fn/<LogicalId>/rest}: the function sees {@code /rest}, as at the root of its own URL. */
    private GatewayResponse functionUrl(GatewayRequest request, String requestId) {
        String rest = request.rawPath().substring(FUNCTION_URL_PREFIX.length() + 1);
        int slash = rest.indexOf('/');
        String functionId = slash < 0 ? rest : rest.substring(0, slash);
        FunctionPool pool = functionUrls.get(functionId);
        if (pool == null) {
            return GatewayResponse.notFound();
        }
        if (!"NONE".equals(pool.function().functionUrl().authType())) {
            return GatewayResponse.error(403, "Forbidden");
        }
        GatewayRequest local = request.withRawPath(slash < 0 ? "/" : rest.substring(slash));
        byte[] event = PayloadV2.event(local, PayloadV2.Target.functionUrl(functionId), requestId, clock.instant(), port());
        // A function URL waits as long as the function may run; only HTTP APIs cut integrations (at 30 s).
        Duration timeout = Duration.ofSeconds(pool.function().timeoutSeconds()).plus(Duration.ofSeconds(5));
        // Function URLs answer a failed invocation with 502, where HTTP APIs answer 500.
        return invoke(pool, event, timeout, 502);
    }

    /** Invokes and waits; a function error is answered with {@code errorStatus}, a wait past {@code timeout} with 503. */
    GatewayResponse invoke(FunctionPool pool, byte[] event, Duration timeout, int errorStatus) {
        Invocation invocation = pool.invoke(event);
        InvocationResult result;
        try {
            result = invocation.result().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            pool.abandon(invocation);
            log.info("%s %s: no response within %d ms (integration timeout) - 503", pool.function().logicalId(),
                    invocation.requestId(), timeout.toMillis());
            return GatewayResponse.error(503, "Service Unavailable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return GatewayResponse.error(503, "Service Unavailable");
        } catch (ExecutionException e) {
            throw new IllegalStateException("gateway - invocation failed without a result", e.getCause());
        }
        if (result instanceof InvocationResult.Failure failure) {
            log.info("%s %s: %s - %d", pool.function().logicalId(), invocation.requestId(), failure.errorType(),
                    errorStatus);
            return GatewayResponse.error(errorStatus, errorStatus == 500 ? "Internal Server Error" : "Bad Gateway");
        }
        return ResponseMapper.map(result.payload());
    }

    private static void write(HttpExchange exchange, GatewayRequest request, GatewayResponse response) throws IOException {
        response.headers().forEach(header -> exchange.getResponseHeaders().add(header.getKey(), header.getValue()));
        boolean noBody = request.method().equals("HEAD") || response.status() == 204 || response.status() == 304
                || response.body().length == 0;
        exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
        if (!noBody) {
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(response.body());
            }
        }
    }

    /** API Gateway request ids look like "JKJaXmPLvHcESHA=". */
    private static String newRequestId() {
        byte[] random = new byte[10];
        ThreadLocalRandom.current().nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }

    @Override
    public void close() {
        if (!serving) {
            // A server that never started keeps its port through stop(); starting it bare lets stop release it.
            server.start();
        }
        server.stop(0);
        executor.shutdownNow();
    }
}
