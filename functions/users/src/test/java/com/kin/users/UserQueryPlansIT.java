package com.kin.users;

import com.kin.data.testing.CapturingSql;
import static org.assertj.core.api.Assertions.assertThat;

import com.kin.core.identity.Caller;
import com.kin.core.identity.Role;
import com.kin.core.page.Cursor;
import com.kin.data.users.UserFilter;
import com.kin.data.users.UserRepository;
import com.kin.testing.BulkLoader;
import com.kin.testing.Explain;
import com.kin.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The statements {@link UserRepository} builds, EXPLAINed with their real parameters at 100k users after ANALYZE, with
 * enable_seqscan on: none reads the users table sequentially. Departments are of unequal size (50%, 30%, 18%, 1%) and 2%
 * of the users are deactivated.
 */
class UserQueryPlansIT {

    private static final Cursor LATER_PAGE = new Cursor(UserRepository.SORT, "bulk-8@example.com", UUID.randomUUID());

    private static DataSource ds;
    private static Caller admin;
    private static Caller smallDepartmentManager;
    private static Caller largeDepartmentManager;
    private static UUID someone;

    @BeforeAll
    static void load() {
        TestDatabase db = TestDatabase.get();
        db.truncateAll();
        ds = db.dataSource();
        BulkLoader loader = new BulkLoader(ds);
        List<UUID> agents = loader.users(50_000, "agent", "dept-0");
        loader.users(30_000, "agent", "dept-1");
        loader.users(18_000, "agent", "dept-2");
        loader.users(900, "agent", "dept-3");
        List<UUID> managers = loader.users(250, "manager", "dept-3");
        List<UUID> largeManagers = loader.users(750, "manager", "dept-0");
        List<UUID> admins = loader.users(100, "admin", null);
        new UserData(db).execute("update users set active = false where abs(hashtext(id::text)) % 50 = 0");
        loader.analyze();
        admin = new Caller(admins.get(0), null, Role.ADMIN, null);
        smallDepartmentManager = new Caller(managers.get(0), null, Role.MANAGER, "dept-3");
        largeDepartmentManager = new Caller(largeManagers.get(0), null, Role.MANAGER, "dept-0");
        someone = agents.get(1234);
    }

    @Test
    void adminList_firstAndLaterPages_walkTheEmailIndex() {
        for (Cursor cursor : new Cursor[] {null, LATER_PAGE}) {
            CapturingSql sql = list(admin, new UserFilter(null, null, null), cursor);
            Explain.assertUsesIndex(ds, "users_email_lower_key", sql.statement(), sql.params());
            assertNoSeqScan(sql);
        }
    }

    @Test
    void adminList_eachFilter_neverScansTheTable() {
        for (UserFilter filter : List.of(new UserFilter(Role.ADMIN, null, null), new UserFilter(Role.AGENT, null, true),
                new UserFilter(null, "dept-3", null), new UserFilter(null, "dept-0", null),
                new UserFilter(Role.MANAGER, "dept-3", true), new UserFilter(null, null, false))) {
            assertNoSeqScan(list(admin, filter, null));
            assertNoSeqScan(list(admin, filter, LATER_PAGE));
        }
    }

    @Test
    void managerList_smallAndLargeDepartments_neverScanTheTable() {
        for (Caller manager : List.of(smallDepartmentManager, largeDepartmentManager)) {
            assertNoSeqScan(list(manager, new UserFilter(null, null, null), null));
            assertNoSeqScan(list(manager, new UserFilter(Role.AGENT, null, true), LATER_PAGE));
        }
    }

    @Test
    void byIdReads_andWrites_useThePrimaryKey() {
        UserRepository users = new UserRepository();
        CapturingSql find = new CapturingSql();
        users.find(find, someone);
        CapturingSql preferences = new CapturingSql();
        users.preferences(preferences, someone);
        CapturingSql save = new CapturingSql();
        users.savePreferences(save, someone, "{}", OptionalLong.of(1), Instant.now());
        CapturingSql update = new CapturingSql();
        users.update(update, admin, someone, java.util.Map.of(com.kin.data.users.UserField.NAME, "New"),
                OptionalLong.of(1), Instant.now());

        for (CapturingSql sql : List.of(find, preferences, save, update)) {
            Explain.assertUsesIndex(ds, "users_pkey", sql.statement(), sql.params());
            assertNoSeqScan(sql);
        }
        assertThat(find.statement()).contains("where u.id = ?");
    }

    private static CapturingSql list(Caller caller, UserFilter filter, Cursor cursor) {
        CapturingSql sql = new CapturingSql();
        new UserRepository().list(sql, caller, filter, cursor, 26);
        return sql;
    }

    /** Also prints the plan into the test output, where a reader can see what the planner chose. */
    private static void assertNoSeqScan(CapturingSql sql) {
        Explain.assertNoSeqScan(ds, "users", sql.statement(), sql.params());
        System.out.println("plan " + Explain.nodes(ds, sql.statement(), sql.params()) + "\n  for " + sql.statement()
                + " " + java.util.Arrays.toString(sql.params()));
    }
}
