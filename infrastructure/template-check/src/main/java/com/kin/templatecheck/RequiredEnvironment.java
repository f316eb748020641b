package com.kin.templatecheck;

import com.kin.templatecheck.ConfigKeyScanner.ConfigKey;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The environment variables a function needs set, per module of its run-time class path.
 *
 * <p>Two sources. (1) Keys the scanner finds without a fallback ({@link ConfigKeyScanner}). (2) {@link #BY_VALIDATION}:
 * keys whose binding is {@code @Nullable} (so the scanner sees them as optional) but whose module's validation refuses
 * to start without them on AWS. Each entry of (2) must still be a key the module's sources bind, or a property
 * spelling they read - {@link #undeclaredValidationKeys} reports the ones that are not, so the list cannot drift away
 * from the code.
 */
public final class RequiredEnvironment {

    /** Module artifactId to the variables its validation requires although the binding allows null. */
    public static final Map<String, List<String>> BY_VALIDATION = Map.of(
            // DatabaseConfig.validated(): the URL and user; IAM auth replaces the password on AWS.
            "kin-data", List.of("DB_URL", "DB_USER"),
            // IdempotencyConfig.validated(): POST routes cannot honour Idempotency-Key without the table.
            "kin-idempotency", List.of("IDEMPOTENCY_TABLE"),
            // Without CACHE_TABLE the cache runs L1 only: instances never see each other's invalidations.
            "kin-cache", List.of("CACHE_TABLE"),
            // On AWS the credentials come only from the Secrets Manager secret.
            "kin-twilio", List.of("TWILIO_SECRET_ARN"),
            "kin-bulk-sms", List.of("BULK_SMS_QUEUE_URL"),
            "kin-bulk-sms-worker", List.of("BULK_SMS_SENDER"),
            "kin-calls", List.of("TWILIO_FROM_NUMBER", "TWILIO_VOICE_STATUS_CALLBACK_URL"));

    /** Set by Lambda itself in every function. */
    public static final Set<String> SET_BY_LAMBDA = Set.of("AWS_REGION", "AWS_DEFAULT_REGION", "AWS_LAMBDA_FUNCTION_NAME",
            "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE");

    private final Path root;
    private final ModuleGraph modules;

    public RequiredEnvironment(Path root, ModuleGraph modules) {
        this.root = root;
        this.modules = modules;
    }

    /** Variable to the module that needs it, for the function module in {@code dir} and everything it runs with. */
    public Map<String, String> requiredFor(String dir) {
        Map<String, String> required = new LinkedHashMap<>();
        for (ModuleGraph.Module module : modules.withRuntimeDependencies(dir)) {
            scan(module).stream().filter(ConfigKey::required)
                    .forEach(key -> required.putIfAbsent(key.variable(), module.artifactId() + " (" + key.property() + ")"));
            BY_VALIDATION.getOrDefault(module.artifactId(), List.of())
                    .forEach(variable -> required.putIfAbsent(variable, module.artifactId() + " (validation)"));
        }
        SET_BY_LAMBDA.forEach(required::remove);
        return required;
    }

    /** Entries of {@link #BY_VALIDATION} that the module's sources neither bind nor read; empty when in step. */
    public Set<String> undeclaredValidationKeys(ModuleGraph.Module module) {
        Set<String> missing = new TreeSet<>();
        List<ConfigKey> keys = scan(module);
        String sources = ConfigKeyScanner.scanText(sourceRoot(module));
        for (String variable : BY_VALIDATION.getOrDefault(module.artifactId(), List.of())) {
            boolean bound = keys.stream().anyMatch(key -> key.variable().equals(variable));
            boolean read = sources.contains("\"" + propertyOf(variable) + "\"");
            if (!bound && !read) {
                missing.add(module.artifactId() + ": " + variable);
            }
        }
        return missing;
    }

    private List<ConfigKey> scan(ModuleGraph.Module module) {
        return ConfigKeyScanner.scan(sourceRoot(module));
    }

    private Path sourceRoot(ModuleGraph.Module module) {
        return root.resolve(module.dir()).resolve("src/main/java");
    }

    /** The first property spelling of a variable (X_Y to x.y), as code reading it by name would write it. */
    static String propertyOf(String variable) {
        return variable.toLowerCase(java.util.Locale.ROOT).replaceFirst("_", ".");
    }
}
