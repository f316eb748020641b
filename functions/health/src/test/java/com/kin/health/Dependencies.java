package com.kin.health;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.kin.testing.LocalDynamoDb;
import com.kin.testing.LocalSqs;
import com.kin.testing.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Everything the health function checks, in this JVM: embedded Postgres, DynamoDB Local, ElasticMQ, and two WireMock
 * servers answering as Twilio (behind the real SDK) and as Quickbase's JSON API, with their documented JSON.
 */
final class Dependencies implements AutoCloseable {

    static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    /** Also the auth_token field of the account Twilio returns: it must never reach a response. */
    static final String TWILIO_AUTH_TOKEN = "5f2c0e9d7b3a41e8a6c4d2b0f9e7c5a3";
    static final String QUICKBASE_REALM = "example.quickbase.com";
    static final String QUICKBASE_TOKEN = "b9kx2m_tq7z_0_c4f8hn2wq6rjd3zvp5ly7ks9ba";
    static final String QUICKBASE_APP_ID = "bck7gp3q2";
    /** The test cluster trusts every connection, so any password works; this one is distinctive enough to search for. */
    static final String DB_PASSWORD = "health-it-db-password-31c9";
    static final String ACCOUNT_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID + ".json";
    static final String APP_PATH = "/v1/apps/" + QUICKBASE_APP_ID;

    final TestDatabase db = TestDatabase.get();
    final LocalDynamoDb dynamo = LocalDynamoDb.instance();
    final LocalSqs sqs = LocalSqs.instance();
    final WireMockServer twilio = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    final WireMockServer quickBase = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    Dependencies() {
        twilio.start();
        quickBase.start();
    }

    /** Both third parties answer as they do for working credentials. */
    void answerNormally() {
        twilio.resetAll();
        quickBase.resetAll();
        twilio.stubFor(accountFetch().willReturn(json(200, "twilio/account-active.json")));
        quickBase.stubFor(appFetch().willReturn(json(200, "quickbase/app.json")));
    }

    static MappingBuilder accountFetch() {
        return get(urlPathEqualTo(ACCOUNT_PATH));
    }

    static MappingBuilder appFetch() {
        return get(urlPathEqualTo(APP_PATH));
    }

    static ResponseDefinitionBuilder json(int status, String fixture) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(fixture(fixture));
    }

    /** A cache table as template.yaml declares it, or the same without TTL. */
    String cacheTable(boolean ttlEnabled) {
        String name = LocalDynamoDb.uniqueTableName("health-cache");
        if (ttlEnabled) {
            dynamo.createCacheTable(name);
            return name;
        }
        dynamo.client().createTable(b -> b.tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder()
                        .attributeName(LocalDynamoDb.CACHE_HASH_KEY).attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder()
                        .attributeName(LocalDynamoDb.CACHE_HASH_KEY).keyType(KeyType.HASH).build()));
        dynamo.client().waiter().waitUntilTableExists(b -> b.tableName(name));
        return name;
    }

    String queue() {
        return sqs.client().createQueue(b -> b.queueName(LocalSqs.uniqueQueueName("health-bulk-sms"))).queueUrl();
    }

    /** What template.yaml gives HealthFunction, pointed at the test services. */
    Map<String, Object> environment(String cacheTable, String queueUrl) {
        Map<String, Object> environment = new HashMap<>();
        environment.put("DB_URL", db.awsWrapperUrl());
        environment.put("DB_USER", db.user());
        environment.put("DB_PASSWORD", DB_PASSWORD);
        environment.put("CACHE_TABLE", cacheTable);
        environment.put("DYNAMODB_ENDPOINT", dynamo.endpoint().toString());
        environment.put("BULK_SMS_QUEUE_URL", queueUrl);
        environment.put("SQS_ENDPOINT", sqs.endpoint().toString());
        environment.put("TWILIO_ACCOUNT_SID", ACCOUNT_SID);
        environment.put("TWILIO_AUTH_TOKEN", TWILIO_AUTH_TOKEN);
        environment.put("TWILIO_API_BASE_URL", twilio.baseUrl());
        environment.put("QUICKBASE_REALM", QUICKBASE_REALM);
        environment.put("QUICKBASE_USER_TOKEN", QUICKBASE_TOKEN);
        environment.put("QUICKBASE_APP_ID", QUICKBASE_APP_ID);
        environment.put("QUICKBASE_API_BASE_URL", quickBase.baseUrl());
        // Generous: two shared cores run every engineer's builds. The timeout itself has its own test.
        environment.put("HEALTH_CHECK_TIMEOUT_MS", "5000");
        return environment;
    }

    /** A JDBC URL of the wrapper's form on a loopback port nothing listens on. */
    static String unreachableDatabaseUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "jdbc:aws-wrapper:postgresql://127.0.0.1:" + socket.getLocalPort() + "/postgres";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fixture(String path) {
        try (InputStream in = Dependencies.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        twilio.stop();
        quickBase.stop();
    }
}
