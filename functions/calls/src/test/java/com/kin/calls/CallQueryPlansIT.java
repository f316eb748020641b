package com.kin.calls;

import com.kin.data.testing.CapturingSql;
import static org.assertj.core.api.Assertions.assertThat;

import com.kin.core.domain.CallDirection;
import com.kin.core.domain.CallStatus;
import com.kin.core.identity.Caller;
import com.kin.core.identity.Role;
import com.kin.core.page.Cursor;
import com.kin.data.calls.CallFilter;
import com.kin.data.calls.CallPlacements;
import com.kin.data.calls.CallRepository;
import com.kin.data.calls.ClickToCallRepository;
import com.kin.testing.BulkLoader;
import com.kin.testing.Explain;
import com.kin.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The exact statements CallRepository builds (text and parameters, captured, not copied) are planned by Postgres over
 * 100k calls after ANALYZE, with sequential scans allowed: each must be served by an index.
 */
class CallQueryPlansIT {

    private static final int CALLS = 100_000;
    private static final Instant FROM = Instant.parse("2024-03-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2024-03-08T00:00:00Z");

    private static final CallRepository REPOSITORY = new CallRepository();
    private static DataSource ds;
    private static List<UUID> agents;
    private static Caller manager;
    private static Caller admin;

    @BeforeAll
    static void loadHundredThousandCalls() throws SQLException {
        TestDatabase db = TestDatabase.get();
        db.truncateAll();
        ds = db.dataSource();
        BulkLoader loader = new BulkLoader(ds);
        agents = loader.users(20, "agent", "dept-0");
        manager = new Caller(loader.users(1, "manager", "dept-1").get(0), "m@example.com", Role.MANAGER, "dept-1");
        admin = new Caller(loader.users(1, "admin", null).get(0), "a@example.com", Role.ADMIN, null);
        loader.contacts(10_000, agents);
        loader.calls(CALLS, agents);
        loader.voicemails(10_000, agents);
        try (Connection connection = ds.getConnection(); Statement statement = connection.createStatement()) {
            // Unanswered calls have no user: the manager's department-of-record branch has to find them.
            statement.executeUpdate("update calls set user_id = null where status = 'no-answer'");
        }
        loader.analyze();
    }

    @Test
    void agentHistory_newestFirst_usesUserCreatedAtIndex() {
        assertIndex("idx_calls_user_id_created_at_id", list(agent(3), CallFilter.none(), null));
        assertIndex("idx_calls_user_id_created_at_id", list(agent(3), CallFilter.none(), cursor()));
    }

    @Test
    void managerHistory_departmentOfRecord_readsNoTableSequentially() {
        assertNoSeqScan(list(manager, CallFilter.none(), null));
        assertNoSeqScan(list(manager, CallFilter.none(), cursor()));
        assertNoSeqScan(list(manager, new CallFilter(null, CallStatus.NO_ANSWER, null, null, null, null, null), null));
    }

    @Test
    void adminHistory_newestFirst_usesCreatedAtIndex() {
        assertIndex("idx_calls_created_at_id", list(admin, CallFilter.none(), null));
        assertIndex("idx_calls_created_at_id", list(admin, CallFilter.none(), cursor()));
    }

    @Test
    void userAndContactFilters_useTheirHistoryIndexes() {
        assertIndex("idx_calls_user_id_created_at_id",
                list(admin, new CallFilter(null, null, agents.get(5), null, null, null, null), null));
        assertIndex("idx_calls_contact_id_created_at_id",
                list(admin, new CallFilter(null, null, null, anyCallContact(), null, null, null), null));
    }

    @Test
    void phoneFilter_usesCallerAndCalleeIndexes() {
        CapturingSql.Statement byPhone = list(admin, new CallFilter(null, null, null, null, "+16660000042", null, null), null);
        assertIndex("idx_calls_to_number_created_at_id", byPhone);
        assertIndex("idx_calls_from_number_to_number", byPhone);
        assertNoSeqScan(list(agent(2), new CallFilter(null, null, null, null, "+15550000042", null, null), null));
    }

    @Test
    void directionStatusAndDateRange_readNoTableSequentially() {
        assertNoSeqScan(list(admin, new CallFilter(CallDirection.INBOUND, null, null, null, null, null, null), null));
        assertNoSeqScan(list(admin, new CallFilter(null, CallStatus.FAILED, null, null, null, null, null), null));
        assertIndex("idx_calls_created_at_id", list(admin, new CallFilter(null, null, null, null, null, FROM, TO), null));
        assertNoSeqScan(list(agent(1), new CallFilter(CallDirection.OUTBOUND, CallStatus.COMPLETED, null, null, null,
                FROM, TO), null));
    }

    @Test
    void callDetail_readsCallAndItsVoicemailByIndex() {
        CapturingSql sql = new CapturingSql();
        REPOSITORY.findDetail(sql, UUID.randomUUID());
        assertIndex("calls_pkey", sql.last());
        assertIndex("idx_voicemails_call_id", sql.last());
    }

    @Test
    void clickToCall_contactLookupsUseKeysAndPhoneIndexes() {
        ClickToCallRepository repository = new ClickToCallRepository();
        CapturingSql byId = new CapturingSql();
        repository.contact(byId, anyCallContact());
        Explain.assertUsesIndex(ds, "contacts_pkey", byId.last().sql(), byId.last().params());
        for (Caller caller : List.of(agent(4), manager, admin)) {
            CapturingSql byNumber = new CapturingSql();
            repository.visibleContactWithNumber(byNumber, caller, "+15550000042");
            assertThat(Explain.indexesUsed(ds, byNumber.last().sql(), byNumber.last().params()))
                    .contains("idx_contacts_phone", "idx_contacts_mobile_phone");
            Explain.assertNoSeqScan(ds, "contacts", byNumber.last().sql(), byNumber.last().params());
        }
    }

    @Test
    void placementBySid_usesTheSidKey() {
        CapturingSql sql = new CapturingSql();
        new CallPlacements().bySid(sql, "CA0123456789abcdef0123456789abcdef");
        assertIndex("calls_twilio_call_sid_key", sql.last());
    }

    private static Caller agent(int index) {
        return new Caller(agents.get(index), "agent@example.com", Role.AGENT, "dept-0");
    }

    private static Cursor cursor() {
        return new Cursor(CallRepository.SORT, FROM.toString(), UUID.fromString("80000000-0000-4000-8000-000000000000"));
    }

    private static CapturingSql.Statement list(Caller caller, CallFilter filter, Cursor cursor) {
        CapturingSql sql = new CapturingSql();
        REPOSITORY.list(sql, caller, filter, cursor, 26);
        return sql.last();
    }

    private static void assertIndex(String index, CapturingSql.Statement statement) {
        Explain.assertUsesIndex(ds, index, statement.sql(), statement.params());
        assertNoSeqScan(statement);
    }

    private static void assertNoSeqScan(CapturingSql.Statement statement) {
        Explain.assertNoSeqScan(ds, "calls", statement.sql(), statement.params());
        Explain.assertNoSeqScan(ds, "voicemails", statement.sql(), statement.params());
    }

    private static UUID anyCallContact() {
        try (Connection connection = ds.getConnection(); Statement statement = connection.createStatement();
             var rows = statement.executeQuery("select contact_id from calls where contact_id is not null limit 1")) {
            rows.next();
            return rows.getObject(1, UUID.class);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
