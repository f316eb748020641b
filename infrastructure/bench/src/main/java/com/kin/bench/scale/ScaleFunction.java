package com.kin.bench.scale;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.bench.ClassPathSettings;
import com.kin.cache.CacheStats;
import com.kin.cache.TwoTierCache;
import com.kin.testing.FunctionHarness;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One function's real handler in-process, configured only by template-style environment variables pointed at the
 * measured database. CACHE_TABLE is empty, so the cache runs without its DynamoDB tier (L2): an uncached read is the
 * handler and Postgres alone; the L1 tier is defeated per invocation by {@link #invalidate}.
 */
final class ScaleFunction extends FunctionHarness {

    private final TwoTierCache cache;

    private ScaleFunction(String name, Map<String, Object> environment,
                          Function<ApplicationContext, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handler) {
        super(name, environment, handler);
        this.cache = bean(TwoTierCache.class);
        CacheStats stats = cache.stats();
        if (stats.l2Enabled()) {
            throw new IllegalStateException("scale bench - " + name + " started with an L2 cache tier; expected none");
        }
    }

    static ScaleFunction start(String name, Target target,
                               Function<ApplicationContext, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handler) {
        return new ScaleFunction(name, environment(name, target), handler);
    }

    /** Makes every cached entry tagged with any of {@code tags} a miss on this instance. */
    void invalidate(java.util.Collection<String> tags) {
        cache.invalidate(tags);
    }

    /** The variables template.yaml sets, with the local runtime's substitutions (no IAM, no Secrets Manager). */
    private static Map<String, Object> environment(String name, Target target) {
        Map<String, Object> environment = new HashMap<>();
        environment.put("DB_URL", target.wrapperUrl());
        environment.put("DB_USER", target.user());
        environment.put("DB_PASSWORD", target.password());
        environment.put("DB_IAM_AUTH", "false");
        environment.put("DB_POOL_MAX", "2");
        environment.put("DB_STATEMENT_TIMEOUT_MS", "5000");
        environment.put("CACHE_TABLE", "");
        environment.put("CACHE_TTL", "300");
        environment.put("SESSION_TTL", "1800");
        // Never reached by a GET; set because the idempotency store insists on a table name.
        environment.put("IDEMPOTENCY_TABLE", "kin-scale-bench-idempotency");
        environment.put("AWS_REGION", "us-east-1");
        environment.put("POWERTOOLS_SERVICE_NAME", name);
        environment.put("POWERTOOLS_METRICS_NAMESPACE", "KIN");
        environment.putAll(ClassPathSettings.TWILIO_ENVIRONMENT);
        return environment;
    }

    /** The database measured: a JDBC URL (plain PgJDBC form) and its credentials. */
    record Target(String jdbcUrl, String user, String password) {

        private static final String PLAIN = "jdbc:postgresql://";

        Target {
            if (!jdbcUrl.startsWith(PLAIN)) {
                throw new IllegalArgumentException("scale bench - --jdbc must start with " + PLAIN + ", got " + jdbcUrl);
            }
        }

        /** The same database as the functions' DB_URL wants it: through the AWS Advanced JDBC Wrapper. */
        String wrapperUrl() {
            return "jdbc:aws-wrapper:postgresql://" + jdbcUrl.substring(PLAIN.length());
        }
    }
}
