package com.kin.data.routing;

import com.kin.testing.Explain;
import com.kin.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The routing rule's statements read indexes only, at 100k users in 50 departments and 2,000 numbers. */
class RoutingQueryPlanIT {

    static final UUID OWNER = UUID.fromString("00000000-0000-4000-8000-000000050001");
    static DataSource ds;

    @BeforeAll
    static void hundredThousandUsers() throws SQLException {
        TestDatabase db = TestDatabase.get();
        db.truncateAll();
        ds = db.dataSource();
        try (Connection connection = ds.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("insert into users (id, email, name, role, department, client_identity) "
                    + "select ('00000000-0000-4000-8000-' || lpad(i::text, 12, '0'))::uuid, 'user' || i || '@kin.local', "
                    + "'User ' || i, case when i % 20 = 0 then 'manager' else 'agent' end, 'dept' || (i % 50), "
                    + "'client-' || i from generate_series(1, 100000) as i");
            statement.execute("insert into phone_numbers (number, department) "
                    + "select '+1555' || lpad(i::text, 7, '0'), 'dept' || (i % 50) from generate_series(1, 2000) as i");
            statement.execute("analyze users");
            statement.execute("analyze phone_numbers");
        }
    }

    @Test
    void targets_knownCaller_readsTheOwnerAndTheDepartmentsAgentsByIndex() {
        Explain.assertNoSeqScan(ds, "users", RoutingRule.TARGETS, "+15550000107", OWNER, null, OWNER, OWNER,
                RoutingRule.MAX_AGENTS);
        Explain.assertUsesIndex(ds, "idx_users_routable_agents", RoutingRule.TARGETS, "+15550000107", OWNER, null,
                OWNER, OWNER, RoutingRule.MAX_AGENTS);
    }

    @Test
    void targets_unknownCallerOnUnknownNumber_withFallback_readsNoTableSequentially() {
        Explain.assertNoSeqScan(ds, "users", RoutingRule.TARGETS, "+15550000999", null, "dept3", null, null,
                RoutingRule.MAX_AGENTS);
        Explain.assertNoSeqScan(ds, "phone_numbers", RoutingRule.TARGETS, "+15550000999", null, "dept3", null, null,
                RoutingRule.MAX_AGENTS);
    }

    @Test
    void smsOwners_knownNumber_andFallback_readNoTableSequentially() {
        Explain.assertNoSeqScan(ds, "users", RoutingRule.SMS_OWNERS, "+15550000107", null, RoutingRule.MAX_AGENTS);
        Explain.assertNoSeqScan(ds, "users", RoutingRule.SMS_OWNERS, "+15550000999", "dept3", RoutingRule.MAX_AGENTS);
        Explain.assertNoSeqScan(ds, "phone_numbers", RoutingRule.SMS_OWNERS, "+15550000999", null, RoutingRule.MAX_AGENTS);
    }
}
