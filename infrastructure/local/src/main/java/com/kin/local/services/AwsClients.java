package com.kin.local.services;

import com.kin.local.template.LocalStack;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** AWS SDK clients pointed at the local services, with the same dummy credentials the functions get. */
final class AwsClients {

    private static final StaticCredentialsProvider LOCAL_CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));

    private AwsClients() {
    }

    static DynamoDbClient dynamoDb(String endpoint) {
        return DynamoDbClient.builder().endpointOverride(URI.create(endpoint)).region(Region.of(LocalStack.REGION))
                .credentialsProvider(LOCAL_CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
    }

    static SqsClient sqs(String endpoint) {
        return SqsClient.builder().endpointOverride(URI.create(endpoint)).region(Region.of(LocalStack.REGION))
                .credentialsProvider(LOCAL_CREDENTIALS).httpClient(UrlConnectionHttpClient.create()).build();
    }
}
