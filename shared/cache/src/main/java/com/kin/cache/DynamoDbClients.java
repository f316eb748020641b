package com.kin.cache;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * How every DynamoDB client of the platform starts: the URL-connection HTTP client with the given timeout, the region,
 * and an optional endpoint override (DynamoDB Local). Each user adds its own retry policy.
 */
public final class DynamoDbClients {

    private DynamoDbClients() {
    }

    /** A builder for {@code region}, pointed at {@code endpoint} when it is not null. */
    public static DynamoDbClientBuilder builder(URI endpoint, String region, Duration socketTimeout) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(socketTimeout)
                        .socketTimeout(socketTimeout)
                        .build())
                .region(Region.of(region))
                .credentialsProvider(credentials(endpoint));
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }

    /**
     * Static placeholder credentials for a loopback endpoint (DynamoDB Local checks none), so local runs neither need
     * AWS credentials nor probe the instance metadata service; everywhere else the default chain (Lambda's role).
     */
    private static AwsCredentialsProvider credentials(URI endpoint) {
        if (endpoint != null && isLoopback(endpoint.getHost())) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    private static boolean isLoopback(String host) {
        return "localhost".equalsIgnoreCase(host) || host.startsWith("127.") || "[::1]".equals(host) || "::1".equals(host);
    }
}
