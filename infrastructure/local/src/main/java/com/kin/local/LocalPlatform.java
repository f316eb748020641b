package com.kin.local;

import com.kin.local.auth.SigningKeys;
import com.kin.local.gateway.Gateway;
import com.kin.local.lambda.FunctionEnvironment;
import com.kin.local.lambda.FunctionPool;
import com.kin.local.lambda.LambdaRuntime;
import com.kin.local.metrics.LocalMetricStore;
import com.kin.local.metrics.LocalMetricsServer;
import com.kin.local.metrics.MetricsRetention;
import com.kin.local.services.LocalDynamoDb;
import com.kin.local.services.LocalPostgres;
import com.kin.local.services.LocalServices;
import com.kin.local.services.LocalSqs;
import com.kin.local.services.twilio.LocalTwilio;
import com.kin.local.sqs.SqsEventSource;
import com.kin.local.template.FunctionSpec;
import com.kin.local.template.LocalStack;
import com.kin.local.template.Template;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The whole platform of template.yaml on this machine: Postgres, DynamoDB, SQS and Twilio stand-ins, every function behind
 * the Lambda Runtime API, the gateway and the SQS event sources. Started in parallel where it can be; closed in
 * reverse, leaving no process behind.
 */
public final class LocalPlatform implements AutoCloseable {

    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, FunctionPool> pools = new LinkedHashMap<>();
    private final LogStream log;
    private final CountDownLatch bootEnded = new CountDownLatch(1);
    private volatile boolean stopping;
    private LocalServices services;
    private Gateway gateway;

    private LocalPlatform(LogStream log) {
        this.log = log;
    }

    public static LocalPlatform start(PlatformOptions options, LogStream log, Clock clock) throws Exception {
        return start(options, log, clock, platform -> { });
    }

    /**
     * As {@link #start(PlatformOptions, LogStream, Clock)}, handing the platform to {@code created} before anything
     * starts: a shutdown hook registered there can {@link #stop} a start-up that Ctrl-C interrupts.
     */
    public static LocalPlatform start(PlatformOptions options, LogStream log, Clock clock,
                                      Consumer<LocalPlatform> created) throws Exception {
        LocalPlatform platform = new LocalPlatform(log);
        created.accept(platform);
        try {
            platform.boot(options, clock);
            if (platform.stopping) {
                throw new CancellationException("local platform - stopped while starting");
            }
            return platform;
        } catch (Exception | Error e) {
            platform.close();
            if (platform.stopping && !(e instanceof CancellationException)) {
                // Whatever a step stopped under its feet reported, the cause is Ctrl-C.
                throw (CancellationException) new CancellationException("local platform - stopped while starting")
                        .initCause(e);
            }
            throw e;
        } finally {
            platform.bootEnded.countDown();
        }
    }

    /**
     * For a shutdown hook: stops what runs, then waits (at most {@code patience}) for a start-up in progress to give up,
     * each service that finishes starting meanwhile being stopped as it arrives, so that Ctrl-C during start-up leaves
     * no process and no temporary directory behind either.
     */
    public void stop(Duration patience) {
        stopping = true;
        close();
        try {
            bootEnded.await(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
    }

    private void boot(PlatformOptions options, Clock clock) throws Exception {
        LocalStack stack = LocalStack.of(Template.read(options.template()), options.parameters());
        List<FunctionSpec> functions = stack.functions();
        functions.forEach(f -> f.eventsNotRunLocally().forEach(e -> log.info("%s: event %s has no local source", f.logicalId(), e)));
        if (options.serveHttp()) {
            gateway = own(Gateway.bind(options.port(), options.integrationTimeout(), clock, log));
        }
        ExecutorService starter = Executors.newFixedThreadPool(3);
        try {
            CompletableFuture<LocalPostgres> postgres = CompletableFuture.supplyAsync(
                    Startup.unchecked(() -> Startup.postgres(options, log, clock)), starter);
            CompletableFuture<LocalDynamoDb> dynamoDb = CompletableFuture.supplyAsync(
                    Startup.unchecked(() -> Startup.dynamoDb(options, stack, log)), starter);
            CompletableFuture<LocalSqs> sqs = CompletableFuture.supplyAsync(
                    Startup.unchecked(() -> Startup.sqs(stack, log)), starter);
            List<CompletableFuture<? extends AutoCloseable>> serviceStarts = List.of(postgres, dynamoDb, sqs);
            LambdaRuntime lambda;
            LocalMetricsServer metrics;
            LocalTwilio twilio;
            try {
                lambda = own(LambdaRuntime.start(Math.max(1, functions.size()) * options.instanceLimit(), log));
                metrics = startMetrics(functions, clock);
                twilio = own(Startup.twilio(log, clock));
            } catch (Exception | Error e) {
                // Even so, every service that comes up is owned, so that closing stops it (a Postgres still starting
                // when Ctrl-C came, say).
                Startup.awaitAllAfter(e, serviceStarts, this::own);
                throw e;
            }
            Startup.awaitAll(serviceStarts, this::own);
            services = new LocalServices(postgres.join().port(), LocalPostgres.DATABASE, LocalPostgres.USER,
                    LocalPostgres.PASSWORD, dynamoDb.join().endpoint(), sqs.join().endpoint(),
                    gateway == null ? null : gateway.url(), metrics.url(), twilio.url());
            startFunctions(options, stack, functions, lambda, sqs.join());
        } finally {
            starter.shutdown();
        }
    }

    /** A pool per function, the gateway's routes, the queue pollers and, with {@code --warm}, an instance of each. */
    private void startFunctions(PlatformOptions options, LocalStack stack, List<FunctionSpec> functions,
                                LambdaRuntime lambda, LocalSqs sqs) throws IOException {
        LocalStack local = stack.withEndpoints(services.sqsEndpoint(), services.gatewayUrl());
        for (FunctionSpec function : functions) {
            Map<String, String> environment = FunctionEnvironment.of(function, local.resolver(), services);
            pools.put(function.logicalId(), own(lambda.pool(function, environment, options.instanceLimit())));
        }
        if (gateway != null) {
            gateway.serve(List.copyOf(pools.values()), stack, SigningKeys.loadOrCreate(options.stateDirectory()));
        }
        if (options.pollQueues()) {
            startEventSources(local, sqs);
        }
        if (options.warm()) {
            Startup.warm(pools.values(), log);
        }
    }

    /** CloudWatch's stand-in: the EMF documents every function prints, kept for the metrics function to read. */
    private LocalMetricsServer startMetrics(List<FunctionSpec> functions, Clock clock) throws IOException {
        LocalMetricStore store = new LocalMetricStore(MetricsRetention.of(functions), clock,
                LocalMetricStore.DEFAULT_MAX_VALUES);
        log.onProcessLine(store::accept);
        LocalMetricsServer metrics = own(LocalMetricsServer.start(store));
        log.info("metrics %s (the functions' EMF output, kept %s)", metrics.url(), store.retention());
        return metrics;
    }

    private void startEventSources(LocalStack stack, LocalSqs sqs) {
        for (FunctionPool pool : pools.values()) {
            for (FunctionSpec.SqsSourceSpec source : pool.function().sqsSources()) {
                if (source.enabled()) {
                    String queueName = stack.name(source.queueId());
                    SqsEventSource poller = own(new SqsEventSource(source, stack.queueUrl(queueName),
                            LocalStack.arn("sqs", queueName), pool, sqs.client(), log));
                    poller.start();
                }
            }
        }
    }

    /** The line `./kin run` prints once everything listens; it names every address. */
    public String readyLine() {
        String api = gateway == null ? "(not served)" : gateway.url();
        return "KIN ready api=" + api + " webhooks=" + api + Gateway.FUNCTION_URL_PREFIX + " postgres=" + services.jdbcUrl()
                + " dynamodb=" + services.dynamoDbEndpoint() + " sqs=" + services.sqsEndpoint()
                + " twilio=" + services.twilioUrl();
    }

    public LocalServices services() {
        return services;
    }

    public Optional<Gateway> gateway() {
        return Optional.ofNullable(gateway);
    }

    /** A function by logical id, or by its short name ("contacts" for ContactsFunction). */
    public Optional<FunctionPool> function(String name) {
        FunctionPool exact = pools.get(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        return pools.values().stream().filter(pool -> pool.function().logicalId()
                .equalsIgnoreCase(name.replace("-", "") + "Function")).findFirst();
    }

    public List<String> functionNames() {
        return List.copyOf(pools.keySet());
    }

    /** Keeps a started resource for {@link #close}; once stopping, closes it at once and ends the start-up. */
    private <T extends AutoCloseable> T own(T resource) {
        synchronized (started) {
            if (!stopping) {
                started.add(resource);
                return resource;
            }
        }
        closeQuietly(resource);
        throw new CancellationException("local platform - stopping while " + resource.getClass().getSimpleName()
                + " started");
    }

    @Override
    public synchronized void close() {
        List<AutoCloseable> running;
        synchronized (started) {
            running = new ArrayList<>(started);
            started.clear();
        }
        for (int i = running.size() - 1; i >= 0; i--) {
            closeQuietly(running.get(i));
        }
    }

    private void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            log.info("stopping %s failed: %s", resource.getClass().getSimpleName(), e);
        }
    }
}
