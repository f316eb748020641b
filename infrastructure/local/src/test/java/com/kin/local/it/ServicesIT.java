package com.kin.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** The stand-ins of the AWS services, as the template declares them. */
@ExtendWith(FixtureStackExtension.class)
class ServicesIT {

    private final FixtureStack stack;

    ServicesIT(FixtureStack stack) {
        this.stack = stack;
    }

    @Test
    void dynamoDbTable_hasTheTemplatesKeyAndTimeToLive() {
        try (DynamoDbClient dynamoDb = DynamoDbClient.builder()
                .endpointOverride(URI.create(stack.platform.services().dynamoDbEndpoint())).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build()) {
            var table = dynamoDb.describeTable(r -> r.tableName("kin-it-cache")).table();
            var ttl = dynamoDb.describeTimeToLive(r -> r.tableName("kin-it-cache")).timeToLiveDescription();

            assertThat(table.keySchema()).singleElement().satisfies(key -> {
                assertThat(key.attributeName()).isEqualTo("pk");
                assertThat(key.keyType()).isEqualTo(KeyType.HASH);
            });
            assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
            assertThat(ttl.attributeName()).isEqualTo("expires_at");
        }
    }

    @Test
    void postgres_isMigratedAndOwnedByTheApplicationRole() throws Exception {
        var services = stack.platform.services();
        try (Connection connection = DriverManager.getConnection(services.jdbcUrl(), services.dbUser(), services.dbPassword());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "select count(*), bool_and(success) from flyway_schema_history where version is not null")) {
            rows.next();

            assertThat(rows.getInt(1)).isPositive();
            assertThat(rows.getBoolean(2)).isTrue();
        }
    }
}
