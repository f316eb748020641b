package com.kin.migrate;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.kin.observability.invocation.InvocationObservability;
import com.kin.observability.logging.LogFields;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One custom-resource request: Create and Update migrate, Delete leaves the database alone (the data outlives a stack
 * deletion; the cluster's own deletion policy decides). CloudFormation always gets an answer, FAILED with the cause
 * when the migrations fail or would outrun the Lambda timeout, so a bad migration stops the deploy and rolls it back.
 * A failure is also reported to Sentry (when configured), tagged with the invocation's request id.
 */
@Singleton
public class CustomResourceService {

    private static final Logger LOG = LoggerFactory.getLogger(CustomResourceService.class);

    private final Migrations migrations;
    private final CustomResourceResponder responder;
    private final MigrateConfig config;
    private final InvocationObservability observability;

    public CustomResourceService(Migrations migrations, CustomResourceResponder responder, MigrateConfig config,
                                 InvocationObservability observability) {
        this.migrations = migrations;
        this.responder = responder;
        this.config = config.validated();
        this.observability = observability;
    }

    public void handle(CloudFormationCustomResourceEvent event, Duration remaining, String logStream) {
        CustomResourceResponse response = "Delete".equals(event.getRequestType())
                ? CustomResourceResponse.success(event, "nothing to do on Delete: the database is kept", Map.of())
                : migrate(event, remaining.minusMillis(config.responseMarginMs()), logStream);
        LOG.info("migrate - {} {} answered {}: {}", event.getRequestType(), event.getLogicalResourceId(),
                response.Status(), response.Reason());
        responder.send(event.getResponseUrl(), response);
    }

    private CustomResourceResponse migrate(CloudFormationCustomResourceEvent event, Duration budget, String logStream) {
        // Flyway's lines, on the pool's thread, carry the invocation's log fields too.
        CompletableFuture<Migrations.Outcome> run =
                CompletableFuture.supplyAsync(LogFields.withCurrentFields(migrations::migrate));
        try {
            Migrations.Outcome outcome = run.get(Math.max(0, budget.toMillis()), TimeUnit.MILLISECONDS);
            Map<String, String> data = new HashMap<>();
            data.put("Applied", String.valueOf(outcome.applied()));
            data.put("Version", String.valueOf(outcome.version()));
            return CustomResourceResponse.success(event, "applied " + outcome.applied() + " migration(s), schema at "
                    + outcome.version(), data);
        } catch (ExecutionException e) {
            LOG.error("migrate - migrations failed", e.getCause());
            observability.report(e.getCause());
            return CustomResourceResponse.failed(event, "migrations failed: " + causes(e.getCause())
                    + " (log stream " + logStream + ")");
        } catch (TimeoutException e) {
            LOG.error("migrate - migrations still running {} ms before the Lambda timeout", config.responseMarginMs());
            observability.report(new IllegalStateException("migrate - migrations still running "
                    + config.responseMarginMs() + " ms before the Lambda timeout", e));
            return CustomResourceResponse.failed(event, "migrations did not finish within the function's timeout (log "
                    + "stream " + logStream + "); raise the MigrateFunction timeout");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CustomResourceResponse.failed(event, "migrate - interrupted");
        }
    }

    /** The cause chain's messages: Flyway wraps the SQL error that says what went wrong. */
    private static String causes(Throwable error) {
        StringBuilder text = new StringBuilder(String.valueOf(error.getMessage()));
        for (Throwable cause = error.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(" <- ").append(cause.getMessage());
        }
        return text.toString();
    }
}
