package com.kin.templatecheck;

import com.kin.local.template.CfnYaml;
import com.kin.local.template.Template;
import com.kin.local.template.Yamls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * template.yaml as the checks see it: the raw document (intrinsics in long form, as the local runtime reads it) and its
 * functions with Globals.Function merged the way SAM merges them.
 */
public final class StackTemplate {

    public static final String FUNCTION = "AWS::Serverless::Function";
    public static final String ALARM = "AWS::CloudWatch::Alarm";

    private final Map<String, Object> document;
    private final Template template;

    private StackTemplate(Map<String, Object> document, Template template) {
        this.document = document;
        this.template = template;
    }

    public static StackTemplate read(Path file) {
        try {
            return new StackTemplate(CfnYaml.read(file), Template.read(file));
        } catch (IOException e) {
            throw new UncheckedIOException("template-check - cannot read " + file, e);
        }
    }

    public Map<String, Object> document() {
        return document;
    }

    public Template template() {
        return template;
    }

    public List<Template.Resource> resources(String type) {
        return template.resources().values().stream().filter(resource -> resource.type().equals(type)).toList();
    }

    public List<Function> functions() {
        return resources(FUNCTION).stream().map(this::function).toList();
    }

    private Function function(Template.Resource resource) {
        Map<String, Object> properties = new LinkedHashMap<>(template.globalFunction());
        properties.putAll(resource.properties());
        Map<String, Object> variables = new LinkedHashMap<>(variables(template.globalFunction()));
        variables.putAll(variables(resource.properties()));
        List<Route> routes = new ArrayList<>();
        Yamls.map(resource.properties().get("Events"), "Events").forEach((name, event) -> {
            Map<String, Object> body = Yamls.map(event, "Events." + name);
            if ("HttpApi".equals(body.get("Type"))) {
                Map<String, Object> route = Yamls.map(body.get("Properties"), "Events." + name + ".Properties");
                routes.add(new Route(String.valueOf(route.getOrDefault("Method", "ANY")).toUpperCase(Locale.ROOT),
                        String.valueOf(route.get("Path"))));
            }
        });
        return new Function(resource.logicalId(), String.valueOf(properties.get("CodeUri")),
                String.valueOf(properties.get("Handler")), Map.copyOf(variables), List.copyOf(routes),
                properties.containsKey("FunctionUrlConfig"));
    }

    private static Map<String, Object> variables(Map<String, Object> properties) {
        return Yamls.map(Yamls.map(properties.get("Environment"), "Environment").get("Variables"), "Environment.Variables");
    }

    /** One HttpApi event: its route key is {@code METHOD PATH}, as in a payload 2.0 event. */
    public record Route(String method, String path) {
        public String routeKey() {
            return method + " " + path;
        }
    }

    /** A function as deployed: CodeUri is relative to the template, and its module is the directory before /target/. */
    public record Function(String logicalId, String codeUri, String handler, Map<String, Object> environment,
                           List<Route> routes, boolean hasFunctionUrl) {

        public String moduleDir() {
            int target = codeUri.indexOf("/target/");
            if (target < 0) {
                throw new IllegalStateException(logicalId + ".CodeUri - expected <module>/target/function.jar, got " + codeUri);
            }
            return codeUri.substring(0, target);
        }

        /** The class Lambda loads: {@code Handler} without a {@code ::method} suffix. */
        public String handlerClass() {
            int separator = handler.indexOf("::");
            return separator < 0 ? handler : handler.substring(0, separator);
        }
    }
}
