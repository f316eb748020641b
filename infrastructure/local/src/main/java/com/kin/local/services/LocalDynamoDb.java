package com.kin.local.services;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import com.kin.local.LogStream;
import com.kin.local.template.ResourceSpec;
import com.kin.local.template.TemplateException;
import com.kin.local.template.Yamls;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * DynamoDB Local, in this JVM, with the tables of template.yaml: key schema, indexes and Time To Live as declared.
 * In memory by default; kept under the data directory with {@code --data}.
 */
public final class LocalDynamoDb implements AutoCloseable {

    private final DynamoDBProxyServer server;
    private final int port;

    private LocalDynamoDb(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static LocalDynamoDb start(Path dataDirectory, LogStream log) throws IOException {
        int port = FreePorts.find();
        List<String> arguments = new ArrayList<>(List.of("-port", String.valueOf(port), "-disableTelemetry"));
        if (dataDirectory == null) {
            arguments.add("-inMemory");
        } else {
            Files.createDirectories(dataDirectory);
            arguments.addAll(List.of("-dbPath", dataDirectory.toString(), "-sharedDb"));
        }
        // DynamoDB Local prints its configuration to System.out: into the log it goes, not into `./kin invoke` output.
        PrintStream stdout = System.out;
        System.setOut(log.printStream("dynamodb"));
        try {
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(arguments.toArray(String[]::new));
            server.start();
            return new LocalDynamoDb(server, port);
        } catch (Exception e) {
            throw new IOException("dynamodb - DynamoDB Local did not start on port " + port, e);
        } finally {
            System.setOut(stdout);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** Creates each table unless it exists (a kept data directory), then applies its TimeToLiveSpecification. */
    public void createTables(List<ResourceSpec> tables) {
        try (DynamoDbClient client = AwsClients.dynamoDb(endpoint())) {
            for (ResourceSpec table : tables) {
                try {
                    client.createTable(createRequest(table));
                } catch (ResourceInUseException alreadyThere) {
                    // Kept from an earlier run with --data: the template is the same, the items stay.
                }
                Map<String, Object> ttl = Yamls.map(table.properties().get("TimeToLiveSpecification"),
                        "Resources." + table.logicalId() + ".Properties.TimeToLiveSpecification");
                if (Boolean.parseBoolean(String.valueOf(ttl.get("Enabled"))) && !timeToLiveEnabled(client, table.name())) {
                    client.updateTimeToLive(request -> request.tableName(table.name()).timeToLiveSpecification(
                            spec -> spec.attributeName(String.valueOf(ttl.get("AttributeName"))).enabled(true)));
                }
            }
        }
    }

    /** A table kept with --data has TTL on already, and DynamoDB refuses to enable it twice. */
    private static boolean timeToLiveEnabled(DynamoDbClient client, String tableName) {
        TimeToLiveStatus status = client.describeTimeToLive(request -> request.tableName(tableName))
                .timeToLiveDescription().timeToLiveStatus();
        return status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING;
    }

    static CreateTableRequest createRequest(ResourceSpec table) {
        String where = "Resources." + table.logicalId() + ".Properties";
        Map<String, Object> properties = table.properties();
        CreateTableRequest.Builder request = CreateTableRequest.builder().tableName(table.name())
                .attributeDefinitions(maps(properties.get("AttributeDefinitions"), where + ".AttributeDefinitions").stream()
                        .map(a -> AttributeDefinition.builder().attributeName(string(a, "AttributeName"))
                                .attributeType(string(a, "AttributeType")).build()).toList())
                .keySchema(keySchema(properties.get("KeySchema"), where + ".KeySchema"));
        boolean provisioned = "PROVISIONED".equals(properties.get("BillingMode"))
                || (properties.get("BillingMode") == null && properties.containsKey("ProvisionedThroughput"));
        if (provisioned) {
            request.billingMode(BillingMode.PROVISIONED).provisionedThroughput(throughput(properties));
        } else {
            request.billingMode(BillingMode.PAY_PER_REQUEST);
        }
        List<Map<String, Object>> globals = maps(properties.get("GlobalSecondaryIndexes"), where + ".GlobalSecondaryIndexes");
        if (!globals.isEmpty()) {
            request.globalSecondaryIndexes(globals.stream().map(index -> {
                GlobalSecondaryIndex.Builder gsi = GlobalSecondaryIndex.builder().indexName(string(index, "IndexName"))
                        .keySchema(keySchema(index.get("KeySchema"), where)).projection(projection(index));
                return provisioned ? gsi.provisionedThroughput(throughput(index)).build() : gsi.build();
            }).toList());
        }
        List<Map<String, Object>> locals = maps(properties.get("LocalSecondaryIndexes"), where + ".LocalSecondaryIndexes");
        if (!locals.isEmpty()) {
            request.localSecondaryIndexes(locals.stream().map(index -> LocalSecondaryIndex.builder()
                    .indexName(string(index, "IndexName")).keySchema(keySchema(index.get("KeySchema"), where))
                    .projection(projection(index)).build()).toList());
        }
        return request.build();
    }

    private static List<KeySchemaElement> keySchema(Object value, String where) {
        return maps(value, where).stream().map(k -> KeySchemaElement.builder().attributeName(string(k, "AttributeName"))
                .keyType(string(k, "KeyType")).build()).toList();
    }

    private static Projection projection(Map<String, Object> index) {
        Map<String, Object> projection = Yamls.map(index.get("Projection"), "Projection");
        Projection.Builder builder = Projection.builder().projectionType(String.valueOf(projection.getOrDefault("ProjectionType", "ALL")));
        List<?> nonKey = Yamls.list(projection.get("NonKeyAttributes"), "Projection.NonKeyAttributes");
        return nonKey.isEmpty() ? builder.build() : builder.nonKeyAttributes(nonKey.stream().map(String::valueOf).toList()).build();
    }

    private static ProvisionedThroughput throughput(Map<String, Object> owner) {
        Map<String, Object> throughput = Yamls.map(owner.get("ProvisionedThroughput"), "ProvisionedThroughput");
        return ProvisionedThroughput.builder()
                .readCapacityUnits((long) Yamls.integer(throughput.get("ReadCapacityUnits"), 5, "ReadCapacityUnits"))
                .writeCapacityUnits((long) Yamls.integer(throughput.get("WriteCapacityUnits"), 5, "WriteCapacityUnits"))
                .build();
    }

    private static List<Map<String, Object>> maps(Object value, String where) {
        return Yamls.list(value, where).stream().map(item -> Yamls.map(item, where)).toList();
    }

    private static String string(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            throw new TemplateException(key + " - is required in " + map);
        }
        return String.valueOf(value);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
