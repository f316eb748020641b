package com.kin.twiliomessaging;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.data.SqlMetrics;
import com.kin.testing.TestDatabase;
import com.kin.testing.TestLambdaContext;
import com.kin.twilio.webhook.SignedEvents;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.PropertySource;
import java.util.HashMap;
import java.util.Map;

/** The real messaging webhook handler, configured by environment variable names as on AWS, wired to the test database. */
final class MessagingFunction implements AutoCloseable {

    private final ApplicationContext context;
    private final TwilioMessagingHandler handler;

    MessagingFunction(TestDatabase db, Map<String, Object> extraEnvironment) {
        Map<String, Object> environment = new HashMap<>();
        environment.put("DB_URL", db.awsWrapperUrl());
        environment.put("DB_USER", db.user());
        environment.put("DB_PASSWORD", db.password());
        environment.put("TWILIO_ACCOUNT_SID", MessagingSamples.ACCOUNT_SID);
        environment.put("TWILIO_AUTH_TOKEN", SignedEvents.LOCAL_AUTH_TOKEN);
        environment.putAll(extraEnvironment);
        context = ApplicationContext.builder()
                .propertySources(PropertySource.of("test-env", environment,
                        PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE))
                .start();
        handler = new TwilioMessagingHandler(context);
    }

    APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, new TestLambdaContext("twilio-messaging"));
    }

    long statementCount() {
        return context.getBean(SqlMetrics.class).statementCount();
    }

    @Override
    public void close() {
        context.close();
    }
}
