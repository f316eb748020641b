package com.kin.twiliovoice;

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

/** The real voice webhook handler, configured by environment variable names as on AWS, wired to the test database. */
final class VoiceFunction implements AutoCloseable {

    static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";

    private final ApplicationContext context;
    private final TwilioVoiceHandler handler;

    VoiceFunction(TestDatabase db, Map<String, Object> extraEnvironment) {
        context = start(environment(db, extraEnvironment));
        handler = new TwilioVoiceHandler(context);
    }

    static Map<String, Object> environment(TestDatabase db, Map<String, Object> extra) {
        Map<String, Object> environment = new HashMap<>();
        environment.put("DB_URL", db.awsWrapperUrl());
        environment.put("DB_USER", db.user());
        environment.put("DB_PASSWORD", db.password());
        environment.put("TWILIO_ACCOUNT_SID", ACCOUNT_SID);
        environment.put("TWILIO_AUTH_TOKEN", SignedEvents.LOCAL_AUTH_TOKEN);
        environment.putAll(extra);
        return environment;
    }

    static ApplicationContext start(Map<String, Object> environment) {
        return ApplicationContext.builder()
                .propertySources(PropertySource.of("test-env", environment,
                        PropertySource.PropertyConvention.ENVIRONMENT_VARIABLE))
                .start();
    }

    APIGatewayV2HTTPResponse invoke(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, new TestLambdaContext("twilio-voice"));
    }

    long statementCount() {
        return context.getBean(SqlMetrics.class).statementCount();
    }

    @Override
    public void close() {
        context.close();
    }
}
