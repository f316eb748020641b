package com.kin.contacts;

import com.kin.testing.FunctionHarness;
import com.kin.testing.LocalDynamoDb;
import com.kin.testing.TestDatabase;
import java.util.Map;

/** The real contacts handler in a test: see {@link FunctionHarness}. */
final class ContactsFunction extends FunctionHarness {

    /** A fresh instance over fresh tables (the database is reset between tests under the cache's feet). */
    static ContactsFunction fresh(TestDatabase db) {
        Tables tables = Tables.fresh("contacts");
        return new ContactsFunction(db, LocalDynamoDb.instance(), tables.cache(), tables.idempotency());
    }

    /** A fresh instance whose platform settings are overridden by {@code settings} ({@code db.url}, timeouts...). */
    static ContactsFunction withSettings(Map<String, Object> settings) {
        return new ContactsFunction(Tables.fresh("contacts"), settings);
    }

    /** An instance with its own L1, sharing the database and the DynamoDB tables with any other instance. */
    ContactsFunction(TestDatabase db, LocalDynamoDb dynamo, String cacheTable, String idempotencyTable) {
        this(new Tables(cacheTable, idempotencyTable), Map.of());
    }

    private ContactsFunction(Tables tables, Map<String, Object> settings) {
        super("contacts", tables, settings, ContactsHandler::new);
    }
}
