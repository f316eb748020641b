package com.kin.local.template;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The template as it exists on this machine: parameter values chosen, resources named, and {@code Ref} /
 * {@code Fn::GetAtt} answered with local names, ARNs and URLs. One account, one region, one stack.
 */
public final class LocalStack implements IntrinsicResolver.References {

    public static final String REGION = "us-east-1";
    public static final String ACCOUNT_ID = "000000000000";
    public static final String STACK_NAME = "kin-local";
    public static final String IMPLICIT_HTTP_API = "ServerlessHttpApi";
    public static final String TABLE = "AWS::DynamoDB::Table";
    public static final String QUEUE = "AWS::SQS::Queue";
    public static final String FUNCTION = "AWS::Serverless::Function";
    public static final String HTTP_API = "AWS::Serverless::HttpApi";

    private static final Map<String, String> NAME_PROPERTIES = Map.of(
            TABLE, "TableName", QUEUE, "QueueName", FUNCTION, "FunctionName", "AWS::Lambda::Function", "FunctionName");

    private final Template template;
    private final Map<String, Object> parameterValues;
    private final String sqsEndpoint;
    private final String gatewayUrl;
    private final IntrinsicResolver resolver;

    private LocalStack(Template template, Map<String, Object> parameterValues, String sqsEndpoint, String gatewayUrl) {
        this.template = template;
        this.parameterValues = parameterValues;
        this.sqsEndpoint = sqsEndpoint;
        this.gatewayUrl = gatewayUrl;
        this.resolver = new IntrinsicResolver(parameterValues, template.conditions(), template.mappings(), this);
    }

    /** Parameters take their Default unless {@code overrides} (from {@code --parameter}) names them. */
    public static LocalStack of(Template template, Map<String, String> overrides) {
        Map<String, Object> values = new HashMap<>();
        overrides.keySet().stream().filter(key -> !template.parameters().containsKey(key)).findFirst()
                .ifPresent(key -> {
                    throw new TemplateException("--parameter " + key + " - the template has no such parameter");
                });
        template.parameters().forEach((name, definition) -> {
            Map<String, Object> parameter = Yamls.map(definition, "Parameters." + name);
            Object value = overrides.containsKey(name) ? overrides.get(name) : parameter.get("Default");
            if (value == null) {
                throw new TemplateException("Parameters." + name + " - has no Default; pass --parameter " + name + "=VALUE");
            }
            String type = String.valueOf(parameter.getOrDefault("Type", "String"));
            values.put(name, type.contains("List") ? List.of(String.valueOf(value).split(",")) : String.valueOf(value));
        });
        values.put("AWS::Region", REGION);
        values.put("AWS::AccountId", ACCOUNT_ID);
        values.put("AWS::StackName", STACK_NAME);
        values.put("AWS::StackId", "arn:aws:cloudformation:" + REGION + ":" + ACCOUNT_ID + ":stack/" + STACK_NAME + "/local");
        values.put("AWS::Partition", "aws");
        values.put("AWS::URLSuffix", "amazonaws.com");
        return new LocalStack(template, Map.copyOf(values), null, null);
    }

    /**
     * The same stack once the local services listen: queue references become ElasticMQ queue URLs and function URL
     * attributes the gateway's {@code /fn/<LogicalId>/} ({@code gatewayUrl} null: no gateway, such URLs are empty).
     */
    public LocalStack withEndpoints(String sqs, String gateway) {
        return new LocalStack(template, parameterValues, sqs, gateway);
    }

    public Template template() {
        return template;
    }

    public IntrinsicResolver resolver() {
        return resolver;
    }

    /** Resources of one type whose Condition (if any) holds, in template order. */
    public List<Template.Resource> resources(String type) {
        return template.resources().values().stream()
                .filter(resource -> resource.type().equals(type))
                .filter(resource -> resource.condition() == null || resolver.condition(resource.condition()))
                .toList();
    }

    public List<ResourceSpec> tables() {
        return resources(TABLE).stream().map(this::resolved).toList();
    }

    public List<ResourceSpec> queues() {
        return resources(QUEUE).stream().map(this::resolved).toList();
    }

    public List<FunctionSpec> functions() {
        return new FunctionSpecReader(this).read();
    }

    public HttpApiSpec httpApi(String logicalId) {
        if (logicalId.equals(IMPLICIT_HTTP_API)) {
            return HttpApiSpec.implicit();
        }
        return HttpApiSpecReader.read(resource(logicalId, HTTP_API), resolver);
    }

    /** The local name of a resource: its name property, or its logical id as CloudFormation would prefix it. */
    public String name(String logicalId) {
        Template.Resource resource = resource(logicalId, null);
        String property = NAME_PROPERTIES.get(resource.type());
        Object configured = property == null ? null : resource.properties().get(property);
        if (configured != null) {
            return resolver.resolveString(configured, "Resources." + logicalId + "." + property);
        }
        boolean fifo = "true".equalsIgnoreCase(String.valueOf(resource.properties().get("FifoQueue")));
        return STACK_NAME + "-" + logicalId + (fifo ? ".fifo" : "");
    }

    public String queueUrl(String queueName) {
        if (sqsEndpoint == null) {
            throw new IllegalStateException("queue URLs exist only once the local SQS server listens");
        }
        return sqsEndpoint + "/" + ACCOUNT_ID + "/" + queueName;
    }

    public static String arn(String service, String resource) {
        return "arn:aws:" + service + ":" + REGION + ":" + ACCOUNT_ID + ":" + resource;
    }

    @Override
    public Object ref(String logicalId) {
        String urlOwner = functionUrlOwner(logicalId);
        if (urlOwner != null) {
            return getAtt(urlOwner, "Arn");
        }
        Template.Resource resource = resource(logicalId, null);
        return switch (resource.type()) {
            case QUEUE -> queueUrl(name(logicalId));
            case HTTP_API -> "local";
            default -> NAME_PROPERTIES.containsKey(resource.type()) ? name(logicalId) : logicalId;
        };
    }

    @Override
    public String getAtt(String logicalId, String attribute) {
        String urlOwner = functionUrlOwner(logicalId);
        if (urlOwner != null && attribute.equals("FunctionUrl")) {
            return gatewayUrl == null ? "" : gatewayUrl + "/fn/" + urlOwner + "/";
        }
        if (urlOwner != null && attribute.equals("FunctionArn")) {
            return getAtt(urlOwner, "Arn");
        }
        Template.Resource resource = resource(logicalId, null);
        String name = name(logicalId);
        String value = switch (resource.type() + "." + attribute) {
            case QUEUE + ".Arn" -> arn("sqs", name);
            case QUEUE + ".QueueName" -> name;
            case QUEUE + ".QueueUrl" -> queueUrl(name);
            case TABLE + ".Arn" -> arn("dynamodb", "table/" + name);
            case TABLE + ".StreamArn" -> arn("dynamodb", "table/" + name + "/stream/local");
            case FUNCTION + ".Arn", "AWS::Lambda::Function.Arn" -> arn("lambda", "function:" + name);
            // The RDS Proxy's host: locally the embedded Postgres on loopback (FunctionEnvironment replaces DB_URL whole).
            case "AWS::RDS::DBProxy.Endpoint" -> "127.0.0.1";
            default -> null;
        };
        if (value == null) {
            throw new TemplateException("Fn::GetAtt " + logicalId + "." + attribute + " - has no local equivalent ("
                    + resource.type() + ")");
        }
        return value;
    }

    /**
     * SAM turns FunctionUrlConfig into a resource named {@code <Function>Url}; it is in no template. Returns the
     * function's logical id when {@code logicalId} is such a generated URL resource, else null.
     */
    private String functionUrlOwner(String logicalId) {
        if (template.resources().containsKey(logicalId) || !logicalId.endsWith("Url")) {
            return null;
        }
        String function = logicalId.substring(0, logicalId.length() - "Url".length());
        Template.Resource owner = template.resources().get(function);
        return owner != null && owner.type().equals(FUNCTION) && owner.properties().containsKey("FunctionUrlConfig")
                ? function : null;
    }

    private ResourceSpec resolved(Template.Resource resource) {
        Map<String, Object> properties = Yamls.map(resolver.resolve(resource.properties()),
                "Resources." + resource.logicalId() + ".Properties");
        return new ResourceSpec(resource.logicalId(), name(resource.logicalId()), properties);
    }

    Template.Resource resource(String logicalId, String expectedType) {
        Template.Resource resource = template.resources().get(logicalId);
        if (resource == null) {
            throw new TemplateException("Resources." + logicalId + " - is referenced but not defined");
        }
        if (expectedType != null && !resource.type().equals(expectedType)) {
            throw new TemplateException("Resources." + logicalId + " - is a " + resource.type() + ", expected " + expectedType);
        }
        return resource;
    }
}
