package com.kin.testing;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * DynamoDB Local 2.6.1 running inside the test JVM on a free port, started once per JVM and stopped when it exits.
 *
 * <p>Runs with {@code -inMemory -sharedDb}: every client sees the same tables whatever its credentials, and nothing is
 * written to disk. The SQLite native library needs no setup: since DynamoDB Local 1.24 the jar carries the sqlite4java
 * libraries for Linux, macOS and Windows and copies the one for this platform to a temporary file itself, so no
 * {@code sqlite4java.library.path} and no copied {@code .so} are needed, also when running as root.
 * {@code -disableTelemetry} keeps it off the network.
 */
public final class LocalDynamoDb {

    /** The TTL attribute of the cache table, as template.yaml declares it. */
    public static final String CACHE_TTL_ATTRIBUTE = "expires_at";
    /** The hash key of the cache table, as template.yaml declares it. */
    public static final String CACHE_HASH_KEY = "pk";

    private static final int START_ATTEMPTS = 5;
    private static LocalDynamoDb instance;

    private final DynamoDBProxyServer server;
    private final int port;
    private final DynamoDbClient client;

    private LocalDynamoDb(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.port = port;
        this.client = newClient();
    }

    /** The JVM's DynamoDB Local, started on first use. */
    public static synchronized LocalDynamoDb instance() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "dynamodb-local-stop"));
        }
        return instance;
    }

    /** Where clients reach it: {@code http://127.0.0.1:<port>}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    /** The region clients must name; DynamoDB Local accepts any, this one is what {@link #client()} uses. */
    public Region region() {
        return Region.US_EAST_1;
    }

    /** Credentials DynamoDB Local accepts (it checks only that the key id is alphanumeric). */
    public AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    }

    /** A shared client for test set-up: creating, inspecting and deleting tables. */
    public DynamoDbClient client() {
        return client;
    }

    /** A client of its own, for tests that need to close or reconfigure one. */
    public DynamoDbClient newClient() {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint())
                .region(region())
                .credentialsProvider(credentials())
                .overrideConfiguration(o -> o.apiCallTimeout(Duration.ofSeconds(10)))
                .build();
    }

    /** A table name no other test in this JVM uses. */
    public static String uniqueTableName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * Creates the cache table exactly as template.yaml's {@code CacheTable} declares it: hash key {@code pk} (S),
     * on-demand billing, TTL enabled on {@code expires_at}. Returns once the table is active.
     */
    public void createCacheTable(String tableName) {
        client.createTable(b -> b.tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder()
                        .attributeName(CACHE_HASH_KEY).attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName(CACHE_HASH_KEY).keyType(KeyType.HASH).build()));
        client.waiter().waitUntilTableExists(b -> b.tableName(tableName));
        client.updateTimeToLive(b -> b.tableName(tableName)
                .timeToLiveSpecification(ttl -> ttl.attributeName(CACHE_TTL_ATTRIBUTE).enabled(true)));
    }

    /** Deletes a table and waits until it is gone (for tests of a table that disappears). */
    public void deleteTable(String tableName) {
        client.deleteTable(b -> b.tableName(tableName));
        client.waiter().waitUntilTableNotExists(b -> b.tableName(tableName));
    }

    private static LocalDynamoDb start() {
        BindException lastClash = null;
        for (int attempt = 0; attempt < START_ATTEMPTS; attempt++) {
            int port = freePort();
            try {
                DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(new String[] {
                        "-inMemory", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)});
                server.start();
                return new LocalDynamoDb(server, port);
            } catch (Exception e) {
                // Another process may take the port between our probe and Jetty's bind: try another one.
                lastClash = findBindException(e);
                if (lastClash == null) {
                    throw new IllegalStateException("DynamoDB Local - failed to start on port " + port, e);
                }
            }
        }
        throw new IllegalStateException("DynamoDB Local - no free port after " + START_ATTEMPTS + " attempts", lastClash);
    }

    private void stop() {
        client.close();
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local - failed to stop", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("DynamoDB Local - no free port", e);
        }
    }

    private static BindException findBindException(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof BindException bind) {
                return bind;
            }
        }
        return null;
    }
}
