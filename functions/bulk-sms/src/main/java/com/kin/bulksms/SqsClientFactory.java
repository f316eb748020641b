package com.kin.bulksms;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * The SQS client job creation sends through: the JDK's URL connection as HTTP client (the lightest to start), region and
 * credentials from the Lambda environment, and {@code SQS_ENDPOINT} when set.
 */
@Factory
final class SqsClientFactory {

    @Singleton
    @Bean(preDestroy = "close")
    SqsClient sqsClient(SqsConfig config) {
        SqsClientBuilder builder = SqsClient.builder().httpClient(UrlConnectionHttpClient.create());
        config.endpointOverride().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
