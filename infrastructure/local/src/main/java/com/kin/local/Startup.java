package com.kin.local;

import com.kin.local.lambda.FunctionEnvironment;
import com.kin.local.lambda.FunctionPool;
import com.kin.local.seed.Seeder;
import com.kin.local.services.LocalDynamoDb;
import com.kin.local.services.LocalPostgres;
import com.kin.local.services.LocalSqs;
import com.kin.local.services.twilio.LocalTwilio;
import com.kin.local.template.LocalStack;
import java.io.IOException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** The steps of bringing the platform up, each timed in the log. */
final class Startup {

    private static final int WARM_TIMEOUT_SECONDS = 60;

    /** A step that may throw, run where only a Supplier fits. */
    interface Step<T> {
        T run() throws Exception;
    }

    private Startup() {
    }

    static LocalPostgres postgres(PlatformOptions options, LogStream log, Clock clock) throws Exception {
        long begin = System.nanoTime();
        LocalPostgres postgres = LocalPostgres.start(options.dataDirectory() == null ? null
                : options.dataDirectory().resolve("postgres"), options.stateDirectory());
        try {
            int migrations = postgres.migrate();
            log.info("postgres %s ready in %d ms (%d migrations applied)", postgres.jdbcUrl(), millisSince(begin), migrations);
            if (options.seed() == PlatformOptions.Seed.SMALL) {
                new Seeder(postgres::connect, log, clock).seedSmall();
            }
            return postgres;
        } catch (Exception | Error e) {
            postgres.close();
            throw e;
        }
    }

    static LocalDynamoDb dynamoDb(PlatformOptions options, LocalStack stack, LogStream log) throws Exception {
        long begin = System.nanoTime();
        LocalDynamoDb dynamoDb = LocalDynamoDb.start(options.dataDirectory() == null ? null
                : options.dataDirectory().resolve("dynamodb"), log);
        try {
            dynamoDb.createTables(stack.tables());
        } catch (RuntimeException e) {
            dynamoDb.close();
            throw e;
        }
        log.info("dynamodb %s ready in %d ms (%d tables)", dynamoDb.endpoint(), millisSince(begin), stack.tables().size());
        return dynamoDb;
    }

    static LocalSqs sqs(LocalStack stack, LogStream log) {
        long begin = System.nanoTime();
        LocalSqs sqs = LocalSqs.start();
        try {
            sqs.createQueues(stack.queues());
        } catch (RuntimeException e) {
            sqs.close();
            throw e;
        }
        log.info("sqs %s ready in %d ms (%d queues)", sqs.endpoint(), millisSince(begin), stack.queues().size());
        return sqs;
    }

    /** Twilio's REST API, standing in for api.twilio.com with the local test account. */
    static LocalTwilio twilio(LogStream log, Clock clock) throws IOException {
        long begin = System.nanoTime();
        LocalTwilio twilio = LocalTwilio.start(FunctionEnvironment.LOCAL_TWILIO_ACCOUNT_SID,
                FunctionEnvironment.LOCAL_TWILIO_AUTH_TOKEN, LocalTwilio.DEFAULT_CALLBACK_STEP, clock, log);
        log.info("twilio %s ready in %d ms (account %s)", twilio.url(), millisSince(begin),
                FunctionEnvironment.LOCAL_TWILIO_ACCOUNT_SID);
        return twilio;
    }

    /** {@code --warm}: one instance of every function, started at once; the ready line waits for their init. */
    static void warm(Collection<FunctionPool> pools, LogStream log) {
        long begin = System.nanoTime();
        List<CompletableFuture<Void>> ready = pools.stream().map(FunctionPool::warm).toList();
        try {
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).get(WARM_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            log.info("%d functions warm in %d ms", pools.size(), millisSince(begin));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.info("not every function started warm (%s); they start again on first use", e.getMessage());
        }
    }

    /**
     * Waits for every service; each one that started is handed to {@code owner} even when another failed, so that
     * closing the platform stops it (an owner that refuses one, the platform stopping, has closed it). Then rethrows
     * the first failure.
     */
    static void awaitAll(List<? extends CompletableFuture<? extends AutoCloseable>> services,
                         Consumer<AutoCloseable> owner) throws Exception {
        Exception failure = null;
        for (CompletableFuture<? extends AutoCloseable> service : services) {
            try {
                owner.accept(service.join());
            } catch (CompletionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof Exception cause ? cause : e;
                }
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** {@link #awaitAll} after another step failed with {@code failure}: what fails here is added to it. */
    static void awaitAllAfter(Throwable failure, List<? extends CompletableFuture<? extends AutoCloseable>> services,
                              Consumer<AutoCloseable> owner) {
        try {
            awaitAll(services, owner);
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }

    static <T> Supplier<T> unchecked(Step<T> step) {
        return () -> {
            try {
                return step.run();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        };
    }

    static long millisSince(long beginNanos) {
        return (System.nanoTime() - beginNanos) / 1_000_000;
    }
}
