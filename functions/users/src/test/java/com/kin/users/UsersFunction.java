package com.kin.users;

import com.kin.data.SqlMetrics;
import com.kin.testing.FunctionHarness;
import com.kin.testing.LocalDynamoDb;
import com.kin.testing.TestDatabase;
import java.util.Map;

/** The real users handler in a test: see {@link FunctionHarness}. */
final class UsersFunction extends FunctionHarness {

    /** A fresh instance over fresh tables (the database is reset between tests under the cache's feet). */
    static UsersFunction fresh(TestDatabase db) {
        Tables tables = Tables.fresh("users");
        return new UsersFunction(db, LocalDynamoDb.instance(), tables.cache(), tables.idempotency());
    }

    /** An instance with its own L1, sharing the database and the DynamoDB tables with any other instance. */
    UsersFunction(TestDatabase db, LocalDynamoDb dynamo, String cacheTable, String idempotencyTable) {
        super("users", new Tables(cacheTable, idempotencyTable), Map.of(), UsersHandler::new);
    }

    /** How many SQL statements one request runs. */
    long statementsRunBy(com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent event) {
        SqlMetrics metrics = bean(SqlMetrics.class);
        long before = metrics.statementCount();
        invoke(event);
        return metrics.statementCount() - before;
    }
}
