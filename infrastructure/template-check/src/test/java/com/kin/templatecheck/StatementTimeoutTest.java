package com.kin.templatecheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.kin.local.template.Template;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A database statement ends before the invocation running it does: for every function whose module reaches Postgres
 * (kin-data among its run-time dependencies), DB_STATEMENT_TIMEOUT_MS (its own, else Globals', else DatabaseConfig's
 * default), rounded up to whole seconds as JDBC's query timeout takes it, is below the function's Timeout (its own, else
 * Globals', else Lambda's 3 s). Otherwise Lambda ends the invocation mid-statement: the client gets API Gateway's bare
 * error instead of a 503 problem, and the request's connection is abandoned to RDS Proxy.
 */
class StatementTimeoutTest {

    private static final String VARIABLE = "DB_STATEMENT_TIMEOUT_MS";
    private static final String DATA_MODULE = "shared/data";
    private static final int LAMBDA_DEFAULT_TIMEOUT_SECONDS = 3;
    private static final Pattern DEFAULT = Pattern.compile(
            "@Bindable\\(defaultValue = \"(\\d+)\"\\)\\s+int statementTimeoutMs");

    private final Path root = ProjectRoot.find();
    private final StackTemplate stack = StackTemplate.read(root.resolve("template.yaml"));
    private final ModuleGraph modules = ModuleGraph.read(root);

    @Test
    void everyDatabaseFunction_endsItsStatementsBeforeItsTimeout() throws IOException {
        int defaultMs = defaultStatementTimeoutMs();
        Template template = stack.template();
        List<String> violations = new ArrayList<>();
        int checked = 0;
        for (StackTemplate.Function function : stack.functions()) {
            if (modules.withRuntimeDependencies(function.moduleDir()).stream().noneMatch(m -> m.dir().equals(DATA_MODULE))) {
                continue;
            }
            Map<String, Object> properties = new LinkedHashMap<>(template.globalFunction());
            properties.putAll(template.resources().get(function.logicalId()).properties());
            int timeoutSeconds = number(function.logicalId() + ".Timeout", properties.get("Timeout"),
                    LAMBDA_DEFAULT_TIMEOUT_SECONDS);
            int statementMs = number(function.logicalId() + "." + VARIABLE, function.environment().get(VARIABLE), defaultMs);
            violation(function.logicalId(), timeoutSeconds, statementMs).ifPresent(violations::add);
            checked++;
        }
        assertThat(checked).as("functions that reach the database").isGreaterThanOrEqualTo(5);
        assertThat(violations).isEmpty();
    }

    @Test
    void rule_comparesTheTimeoutRoundedUpToWholeSeconds() {
        assertThat(violation("F", 20, 5000)).isEmpty();
        assertThat(violation("F", 10, 9000)).isEmpty();
        assertThat(violation("F", 5, 5000)).hasValueSatisfying(message -> assertThat(message)
                .contains("F - DB_STATEMENT_TIMEOUT_MS 5000 ms (a 5 s query timeout) is not below its Timeout of 5 s"));
        assertThat(violation("F", 5, 4001)).isPresent();
        assertThat(violation("F", 3, 28_000)).isPresent();
    }

    /** Why {@code logicalId}'s statements could outlive it, if they could. */
    static Optional<String> violation(String logicalId, int timeoutSeconds, int statementTimeoutMs) {
        int querySeconds = (statementTimeoutMs + 999) / 1000;
        if (querySeconds < timeoutSeconds) {
            return Optional.empty();
        }
        return Optional.of(logicalId + " - " + VARIABLE + " " + statementTimeoutMs + " ms (a " + querySeconds
                + " s query timeout) is not below its Timeout of " + timeoutSeconds + " s");
    }

    private int defaultStatementTimeoutMs() throws IOException {
        String source = Files.readString(root.resolve(DATA_MODULE).resolve("src/main/java/com/kin/data/DatabaseConfig.java"));
        Matcher matcher = DEFAULT.matcher(source);
        assertThat(matcher.find()).as("DatabaseConfig's statementTimeoutMs default").isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    private static int number(String what, Object value, int fallback) {
        if (value == null || "".equals(value)) {
            return fallback;
        }
        if (value instanceof Number number) {
            return number.intValue();
        }
        try {
            return Integer.parseInt(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            throw new AssertionError(what + " - expected a literal number, got " + value, e);
        }
    }
}
