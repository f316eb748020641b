package com.kin.templates;

import com.kin.testing.FunctionHarness;
import com.kin.testing.LocalDynamoDb;
import com.kin.testing.TestDatabase;
import java.util.Map;

/** The real templates handler in a test: see {@link FunctionHarness}. */
final class TemplatesFunction extends FunctionHarness {

    /** A fresh instance over fresh tables (the database is reset between tests under the cache's feet). */
    static TemplatesFunction fresh(TestDatabase db) {
        Tables tables = Tables.fresh("templates");
        return new TemplatesFunction(db, LocalDynamoDb.instance(), tables.cache(), tables.idempotency());
    }

    /** An instance with its own L1, sharing the database and the DynamoDB tables with any other instance. */
    TemplatesFunction(TestDatabase db, LocalDynamoDb dynamo, String cacheTable, String idempotencyTable) {
        super("templates", new Tables(cacheTable, idempotencyTable), Map.of(), TemplatesHandler::new);
    }

    /** A second instance over the same tables, with its own L1. */
    TemplatesFunction sibling() {
        return new TemplatesFunction(TestDatabase.get(), LocalDynamoDb.instance(), tables().cache(), tables().idempotency());
    }
}
