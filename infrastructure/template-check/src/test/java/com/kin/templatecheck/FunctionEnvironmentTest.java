package com.kin.templatecheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every environment variable a function's code requires is set for it in template.yaml (its own Variables merged over
 * Globals).
 *
 * <p>The rule: for the function's module and each com.kin module it depends on at run time (pom dependencies, test
 * scope left out, transitively), a variable is required when
 * <ol>
 *   <li>the sources bind its key without a fallback: {@code @Value("${x.y}")} without {@code :default}, or a component
 *       of a {@code @ConfigurationProperties("x")} record that is neither {@code @Nullable},
 *       {@code @Bindable(defaultValue = ...)} nor Optional (key {@code x.component-name}, variable {@code X_COMPONENT_NAME});
 *       or</li>
 *   <li>{@link RequiredEnvironment#BY_VALIDATION} names it for the module: the binding allows null, but the module's
 *       validation refuses to start without it (DB_URL, IDEMPOTENCY_TABLE, TWILIO_SECRET_ARN, ...).</li>
 * </ol>
 * Variables Lambda sets itself (AWS_REGION, AWS_LAMBDA_FUNCTION_NAME) are not expected in the template. An empty value
 * counts as set only for optional keys, so a required variable must have a non-empty value or an intrinsic.
 *
 * <p>Code that reads a variable by name instead ({@code System.getenv("X")}, Log4j's {@code ${env:X}} and
 * {@code EnvironmentArbiter}; {@link DirectEnvironmentReads}) must find it set for the function too (an empty value
 * counts: the reader decides), unless Lambda sets it or {@link #NOT_FOR_THE_TEMPLATE} says why it is left out.
 */
class FunctionEnvironmentTest {

    private final Path root = ProjectRoot.find();
    private final StackTemplate template = StackTemplate.read(root.resolve("template.yaml"));
    private final ModuleGraph modules = ModuleGraph.read(root);
    private final RequiredEnvironment required = new RequiredEnvironment(root, modules);

    @Test
    void everyRequiredVariable_isSetForEveryFunction() {
        List<String> missing = new ArrayList<>();
        for (StackTemplate.Function function : template.functions()) {
            required.requiredFor(function.moduleDir()).forEach((variable, neededBy) -> {
                Object value = function.environment().get(variable);
                if (value == null || "".equals(value)) {
                    missing.add(function.logicalId() + " - " + variable + " (needed by " + neededBy + ")");
                }
            });
        }
        assertThat(missing).as("required variables not set in template.yaml").isEmpty();
    }

    @Test
    void validationList_namesOnlyKeysTheModulesRead() {
        List<String> drifted = new ArrayList<>();
        for (StackTemplate.Function function : template.functions()) {
            modules.withRuntimeDependencies(function.moduleDir())
                    .forEach(module -> drifted.addAll(required.undeclaredValidationKeys(module)));
        }
        assertThat(drifted).as("BY_VALIDATION entries no source binds or reads").isEmpty();
    }

    /** Variables read by name that a deployed function deliberately does without. */
    static final Map<String, String> NOT_FOR_THE_TEMPLATE = Map.of(
            "KIN_LOG_FORMAT", "text switches log4j2.xml to one readable line per event for a terminal; CloudWatch needs "
                    + "the JSON default");

    @Test
    void everyVariableReadByName_isSetForEveryFunction_orSetByLambda() {
        List<String> missing = new ArrayList<>();
        for (StackTemplate.Function function : template.functions()) {
            DirectEnvironmentReads.of(root, modules.withRuntimeDependencies(function.moduleDir()))
                    .forEach((variable, readBy) -> {
                        boolean byLambda = RequiredEnvironment.SET_BY_LAMBDA.contains(variable)
                                || DirectEnvironmentReads.SET_BY_LAMBDA_RUNTIME.contains(variable);
                        if (!byLambda && !NOT_FOR_THE_TEMPLATE.containsKey(variable)
                                && !function.environment().containsKey(variable)) {
                            missing.add(function.logicalId() + " - " + variable + " (read by " + readBy + ")");
                        }
                    });
        }
        assertThat(missing).as("variables read by name but not set in template.yaml").isEmpty();
    }

    @Test
    void directReads_ofTheObservabilityModule_includeTheLogLevelAndTheTextSwitch() {
        Map<String, String> reads = DirectEnvironmentReads.of(root, modules.withRuntimeDependencies("functions/contacts"));

        assertThat(reads).containsKeys("LOG_LEVEL", "KIN_LOG_FORMAT", "AWS_LAMBDA_FUNCTION_NAME");
        assertThat(reads.get("LOG_LEVEL")).startsWith("kin-observability: resources/log4j2.xml");
    }

    @Test
    void directReads_patterns() {
        assertThat(DirectEnvironmentReads.javaReads("""
                String a = System.getenv("A_B"); var c = System.getenv().getOrDefault("C", "x");
                String d = env.get("NOT_THIS"); String e = System.getenv ( ).get("E");"""))
                .containsExactlyInAnyOrder("A_B", "C", "E");
        assertThat(DirectEnvironmentReads.resourceReads("""
                <Root level="${env:LOG_LEVEL:-INFO}"/> <EnvironmentArbiter propertyName="FORMAT" propertyValue="text">
                ${sys:not.this}"""))
                .containsExactlyInAnyOrder("LOG_LEVEL", "FORMAT");
    }

    @Test
    void databaseFunction_requiresDbUrl() {
        assertThat(required.requiredFor("functions/contacts"))
                .containsKeys("DB_URL", "DB_USER", "CACHE_TABLE", "IDEMPOTENCY_TABLE")
                .doesNotContainKeys("AWS_REGION", "CACHE_TTL");
    }
}
