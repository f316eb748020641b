package com.kin.calls;

import com.kin.testing.TwilioApi;
import com.kin.testing.FunctionHarness;
import com.kin.testing.LocalDynamoDb;
import com.kin.testing.TestDatabase;
import java.util.Map;

/** The real calls handler in a test: see {@link FunctionHarness}. */
final class CallsFunction extends FunctionHarness {

    static final String FROM_NUMBER = "+15017122661";
    static final String STATUS_CALLBACK = "https://hooks.kin.example/voice/status";
    /** How long one Twilio attempt may wait for an answer here; the timeout test's stub answers later than this. */
    static final int TWILIO_ATTEMPT_TIMEOUT_MS = 1000;

    /** A fresh instance over fresh tables (the database is reset between tests under the cache's feet). */
    static CallsFunction fresh(TestDatabase db) {
        Tables tables = Tables.fresh("calls");
        return new CallsFunction(db, LocalDynamoDb.instance(), tables.cache(), tables.idempotency());
    }

    /** An instance with its own L1, sharing the database and the DynamoDB tables with any other instance. */
    CallsFunction(TestDatabase db, LocalDynamoDb dynamo, String cacheTable, String idempotencyTable) {
        super("calls", new Tables(cacheTable, idempotencyTable), Map.of(
                "twilio.account-sid", TwilioApi.ACCOUNT_SID,
                "twilio.auth-token", TwilioApi.AUTH_TOKEN,
                "twilio.api.base-url", TwilioApi.baseUrl(),
                "twilio.api.budget-ms", "3000",
                "twilio.api.attempt-timeout-ms", String.valueOf(TWILIO_ATTEMPT_TIMEOUT_MS),
                "twilio.api.connect-timeout-ms", "500",
                "twilio.from-number", FROM_NUMBER,
                "twilio.voice-status-callback-url", STATUS_CALLBACK), CallsHandler::new);
    }
}
