package com.kin.metrics;

import com.kin.metrics.source.CloudWatchMetricsSource;
import com.kin.metrics.source.LocalMetricsSource;
import com.kin.metrics.source.MetricsSource;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.time.Duration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClientBuilder;

/**
 * The one {@link MetricsSource} of this function, as {@code METRICS_SOURCE} says. Only the chosen source's client is
 * built, so a local run never loads the CloudWatch client and a deployed one never opens the local endpoint.
 */
@Factory
final class MetricsSourceFactory {

    @Singleton
    @Bean(preDestroy = "close")
    MetricsSource metricsSource(MetricsReportConfig config, JsonMapper json) {
        Duration timeout = config.timeout();
        return switch (config.sourceKind()) {
            case CLOUDWATCH -> new CloudWatchMetricsSource(cloudWatch(config, timeout));
            case LOCAL -> new LocalMetricsSource(config.localUri(),
                    HttpClient.newBuilder().connectTimeout(timeout).build(), json, timeout);
        };
    }

    /** Region and credentials from the Lambda environment, as for every AWS client of the platform. */
    private static CloudWatchClient cloudWatch(MetricsReportConfig config, Duration timeout) {
        CloudWatchClientBuilder builder = CloudWatchClient.builder()
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(timeout).socketTimeout(timeout).build())
                .overrideConfiguration(o -> o.apiCallTimeout(timeout));
        if (config.cloudwatchEndpointUri() != null) {
            builder.endpointOverride(config.cloudwatchEndpointUri());
        }
        return builder.build();
    }
}
