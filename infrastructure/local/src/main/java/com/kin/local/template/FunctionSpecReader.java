package com.kin.local.template;

import com.kin.local.template.FunctionSpec.FunctionUrlSpec;
import com.kin.local.template.FunctionSpec.HttpRouteSpec;
import com.kin.local.template.FunctionSpec.SqsSourceSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads every {@code AWS::Serverless::Function} of a stack, Globals.Function merged as SAM merges it. */
final class FunctionSpecReader {

    private static final int SAM_DEFAULT_MEMORY_MB = 128;
    private static final int SAM_DEFAULT_TIMEOUT_SECONDS = 3;
    private static final int SQS_DEFAULT_BATCH_SIZE = 10;

    private final LocalStack stack;
    private final IntrinsicResolver resolver;

    FunctionSpecReader(LocalStack stack) {
        this.stack = stack;
        this.resolver = stack.resolver();
    }

    List<FunctionSpec> read() {
        return stack.resources(LocalStack.FUNCTION).stream().map(this::function).toList();
    }

    private FunctionSpec function(Template.Resource resource) {
        String id = resource.logicalId();
        String where = "Resources." + id + ".Properties";
        Map<String, Object> properties = merged(stack.template().globalFunction(), resource.properties());
        if ("Image".equals(properties.get("PackageType"))) {
            throw new TemplateException(where + ".PackageType - Image functions are not run locally");
        }
        String handler = resolver.resolveString(Yamls.requiredString(properties, "Handler", where), where + ".Handler");
        Object codeUri = resolver.resolve(properties.get("CodeUri"));
        if (!(codeUri instanceof String path)) {
            throw new TemplateException(where + ".CodeUri - must be a local path (a jar or a directory), got " + codeUri);
        }
        Map<String, Object> environment = Yamls.map(
                Yamls.map(properties.get("Environment"), where + ".Environment").get("Variables"),
                where + ".Environment.Variables");
        Map<String, Object> logging = Yamls.map(resolver.resolve(properties.get("LoggingConfig")), where + ".LoggingConfig");
        List<HttpRouteSpec> routes = new ArrayList<>();
        List<SqsSourceSpec> sqsSources = new ArrayList<>();
        List<String> notRunLocally = new ArrayList<>();
        Yamls.map(properties.get("Events"), where + ".Events").forEach((name, event) -> {
            String type = addEvent(id, name, Yamls.map(event, where + ".Events." + name), routes, sqsSources);
            if (type != null) {
                notRunLocally.add(name + " (" + type + ")");
            }
        });
        return new FunctionSpec(id, stack.name(id), handler, stack.template().baseDir().resolve(Path.of(path)).normalize(),
                String.valueOf(resolver.resolve(properties.getOrDefault("Runtime", "java21"))),
                Yamls.integer(resolver.resolve(properties.get("MemorySize")), SAM_DEFAULT_MEMORY_MB, where + ".MemorySize"),
                Yamls.integer(resolver.resolve(properties.get("Timeout")), SAM_DEFAULT_TIMEOUT_SECONDS, where + ".Timeout"),
                environment, List.copyOf(routes), List.copyOf(sqsSources), functionUrl(properties),
                Yamls.integer(resolver.resolve(properties.get("ReservedConcurrentExecutions")), 0,
                        where + ".ReservedConcurrentExecutions"),
                logging.get("LogFormat") == null ? null : String.valueOf(logging.get("LogFormat")),
                List.copyOf(notRunLocally));
    }

    /** Globals apply to every function; a function's own value wins, and environment variables merge by name. */
    static Map<String, Object> merged(Map<String, Object> globals, Map<String, Object> own) {
        Map<String, Object> merged = new LinkedHashMap<>(globals);
        merged.putAll(own);
        Map<String, Object> globalVariables = variables(globals);
        if (!globalVariables.isEmpty()) {
            Map<String, Object> variables = new LinkedHashMap<>(globalVariables);
            variables.putAll(variables(own));
            merged.put("Environment", Map.of("Variables", variables));
        }
        return merged;
    }

    private static Map<String, Object> variables(Map<String, Object> properties) {
        Map<String, Object> environment = Yamls.map(properties.get("Environment"), "Environment");
        return Yamls.map(environment.get("Variables"), "Environment.Variables");
    }

    /** Adds a route or an SQS source; returns the type of an event that has no local source, else null. */
    private String addEvent(String functionId, String name, Map<String, Object> event, List<HttpRouteSpec> routes,
                            List<SqsSourceSpec> sqsSources) {
        String where = "Resources." + functionId + ".Properties.Events." + name;
        String type = Yamls.requiredString(event, "Type", where);
        Map<String, Object> properties = Yamls.map(event.get("Properties"), where + ".Properties");
        switch (type) {
            case "HttpApi" -> routes.add(route(functionId, properties, where));
            case "SQS" -> sqsSources.add(sqsSource(name, properties, where));
            default -> {
                return type;
            }
        }
        return null;
    }

    private HttpRouteSpec route(String functionId, Map<String, Object> properties, String where) {
        Object apiRef = properties.get("ApiId");
        String apiId = apiRef == null ? LocalStack.IMPLICIT_HTTP_API : referencedId(apiRef, where + ".ApiId");
        HttpApiSpec api = stack.httpApi(apiId);
        String method = String.valueOf(properties.getOrDefault("Method", "ANY")).toUpperCase(Locale.ROOT);
        String path = String.valueOf(properties.getOrDefault("Path", "$default"));
        Map<String, Object> auth = Yamls.map(properties.get("Auth"), where + ".Auth");
        Object authorizer = auth.containsKey("Authorizer") ? auth.get("Authorizer") : api.defaultAuthorizer();
        boolean open = authorizer == null || "NONE".equals(authorizer);
        if (!open && !api.authorizers().containsKey(String.valueOf(authorizer))) {
            throw new TemplateException(where + ".Auth.Authorizer - " + authorizer + " is not an authorizer of " + apiId);
        }
        List<String> scopes = Yamls.list(resolver.resolve(auth.get("AuthorizationScopes")), where + ".Auth.AuthorizationScopes")
                .stream().map(String::valueOf).toList();
        return new HttpRouteSpec(functionId, apiId, method, path, open ? null : String.valueOf(authorizer), scopes);
    }

    private SqsSourceSpec sqsSource(String name, Map<String, Object> properties, String where) {
        String queueId = referencedId(properties.get("Queue"), where + ".Queue");
        List<?> responseTypes = Yamls.list(properties.get("FunctionResponseTypes"), where + ".FunctionResponseTypes");
        Object enabled = resolver.resolve(properties.getOrDefault("Enabled", true));
        return new SqsSourceSpec(name, queueId,
                Yamls.integer(resolver.resolve(properties.get("BatchSize")), SQS_DEFAULT_BATCH_SIZE, where + ".BatchSize"),
                responseTypes.contains("ReportBatchItemFailures"), Boolean.parseBoolean(String.valueOf(enabled)));
    }

    private FunctionUrlSpec functionUrl(Map<String, Object> properties) {
        Map<String, Object> config = Yamls.map(resolver.resolve(properties.get("FunctionUrlConfig")), "FunctionUrlConfig");
        return config.isEmpty() ? null : new FunctionUrlSpec(String.valueOf(config.getOrDefault("AuthType", "AWS_IAM")));
    }

    /** The logical id inside {@code !Ref X} or {@code !GetAtt X.Arn}: event sources name resources, not values. */
    private static String referencedId(Object reference, String where) {
        if (reference instanceof Map<?, ?> map && map.size() == 1) {
            Object argument = map.values().iterator().next();
            if (map.containsKey("Ref")) {
                return String.valueOf(argument);
            }
            if (map.containsKey("Fn::GetAtt") && argument instanceof List<?> list && !list.isEmpty()) {
                return String.valueOf(list.get(0));
            }
        }
        throw new TemplateException(where + " - must be !Ref or !GetAtt of a resource of this template, got " + reference);
    }
}
