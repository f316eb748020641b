package com.kin.templatecheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    @Test
    void databaseFunction_requiresDbUrl() {
        assertThat(required.requiredFor("functions/contacts"))
                .containsKeys("DB_URL", "DB_USER", "CACHE_TABLE", "IDEMPOTENCY_TABLE")
                .doesNotContainKeys("AWS_REGION", "CACHE_TTL");
    }
}
