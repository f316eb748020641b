package com.kin.search;

import com.kin.data.SqlMetrics;
import com.kin.testing.FunctionHarness;
import com.kin.testing.LocalDynamoDb;
import com.kin.testing.TestDatabase;
import java.util.Map;

/** The real search handler in a test: see {@link FunctionHarness}. */
final class SearchFunction extends FunctionHarness {

    /** A fresh instance over fresh tables (the database is reset between tests under the cache's feet). */
    static SearchFunction fresh(TestDatabase db) {
        String cacheTable = LocalDynamoDb.uniqueTableName("search-cache");
        LocalDynamoDb.instance().createCacheTable(cacheTable);
        return new SearchFunction(db, LocalDynamoDb.instance(), cacheTable);
    }

    /** An instance with its own L1, sharing the database and the DynamoDB tables with any other instance. */
    SearchFunction(TestDatabase db, LocalDynamoDb dynamo, String cacheTable) {
        super("search", new Tables(cacheTable, null), Map.of(), SearchHandler::new);
    }

    /** How many SQL statements one request runs. */
    long statementsRunBy(com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent event) {
        SqlMetrics metrics = bean(SqlMetrics.class);
        long before = metrics.statementCount();
        invoke(event);
        return metrics.statementCount() - before;
    }
}
