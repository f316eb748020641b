package com.kin.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.kin.core.identity.Caller;
import com.kin.core.identity.Role;
import com.kin.testing.Fixtures;
import com.kin.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SQL rules ({@link Visibility}) keep exactly the rows the Java rules ({@link Caller}) accept, for every caller over
 * every combination of owner and department of record.
 */
class VisibilityRulesIT {

    private static DataSource ds;
    private static final Map<String, UUID> USERS = new LinkedHashMap<>();
    private static final Map<UUID, String> DEPARTMENT_OF = new LinkedHashMap<>();
    private static final List<Caller> CALLERS = new ArrayList<>();

    @BeforeAll
    static void everyCombination() {
        TestDatabase db = TestDatabase.get();
        db.truncateAll();
        ds = db.dataSource();
        user("salesAgent", "agent", "sales");
        user("otherSalesAgent", "agent", "sales");
        user("supportAgent", "agent", "support");
        user("homelessAgent", "agent", null);
        user("salesManager", "manager", "sales");
        user("homelessManager", "manager", null);
        user("admin", "admin", null);
        List<UUID> owners = new ArrayList<>(USERS.values());
        owners.add(null);
        for (UUID owner : owners) {
            for (String department : new String[] {null, "sales", "support"}) {
                Fixtures.call(ds, owner, null);
                Fixtures.voicemail(ds, owner, department);
                execute("update calls set department = ? where id = (select id from calls where department is null "
                        + "and user_id is not distinct from ? order by created_at desc, id limit 1)", department, owner);
            }
        }
    }

    @Test
    void callsPredicate_matchesCanAccessRecord() {
        for (Caller caller : CALLERS) {
            Visibility.Fragment sql = Visibility.ownerOrDepartmentOfRecord(caller, "c.user_id", "c.department");
            assertThat(ids("select c.id from calls c where " + sql.sql(), sql.params()))
                    .as("calls visible to %s", caller)
                    .isEqualTo(javaVisible("select c.id, c.user_id, c.department from calls c",
                            row -> caller.canAccessRecord(row.owner(), DEPARTMENT_OF.get(row.owner()), row.department())));
        }
    }

    @Test
    void voicemailsPredicate_matchesCanAccessWorkItem() {
        for (Caller caller : CALLERS) {
            Visibility.Fragment sql = Visibility.workItem(caller, "v.assigned_to_id", "v.department");
            assertThat(ids("select v.id from voicemails v where " + sql.sql(), sql.params()))
                    .as("voicemails visible to %s", caller)
                    .isEqualTo(javaVisible("select v.id, v.assigned_to_id, v.department from voicemails v",
                            row -> caller.canAccessWorkItem(row.owner(), DEPARTMENT_OF.get(row.owner()), row.department())));
        }
    }

    @Test
    void voicemailAlternatives_areDisjoint_andTogetherMatchCanAccessWorkItem() {
        for (Caller caller : CALLERS) {
            Set<UUID> union = new HashSet<>();
            int total = 0;
            for (Visibility.Fragment part : Visibility.workItemAlternatives(caller, "v.assigned_to_id", "v.department")) {
                Set<UUID> matched = ids("select v.id from voicemails v where " + part.sql(), part.params());
                total += matched.size();
                union.addAll(matched);
            }
            assertThat(union).as("voicemails visible to %s through the alternatives", caller)
                    .hasSize(total)
                    .isEqualTo(javaVisible("select v.id, v.assigned_to_id, v.department from voicemails v",
                            row -> caller.canAccessWorkItem(row.owner(), DEPARTMENT_OF.get(row.owner()), row.department())));
        }
        assertThat(Visibility.workItemAlternatives(CALLERS.get(0), "v.assigned_to_id", "v.department")).hasSize(2);
    }

    @Test
    void agentsSeeTheirDepartmentsUnassignedVoicemails_butNoOtherAgentsOnes() {
        Caller salesAgent = CALLERS.get(0);
        Visibility.Fragment sql = Visibility.workItem(salesAgent, "v.assigned_to_id", "v.department");
        Set<UUID> visible = ids("select v.id from voicemails v where " + sql.sql(), sql.params());

        assertThat(visible).hasSize(4);
        assertThat(ids("select v.id from voicemails v where v.assigned_to_id is null and v.department = 'sales'", List.of()))
                .isSubsetOf(visible);
    }

    private record Row(UUID id, UUID owner, String department) {
    }

    private static void user(String name, String role, String department) {
        UUID id = Fixtures.user(ds, role, department);
        USERS.put(name, id);
        DEPARTMENT_OF.put(id, department);
        CALLERS.add(new Caller(id, name + "@example.com", Role.fromClaim(role).orElseThrow(), department));
    }

    private static Set<UUID> javaVisible(String sql, Function<Row, Boolean> rule) {
        Set<UUID> visible = new HashSet<>();
        query(sql, List.of(), rows -> {
            Row row = new Row(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class), rows.getString(3));
            if (rule.apply(row)) {
                visible.add(row.id());
            }
        });
        return visible;
    }

    private static Set<UUID> ids(String sql, List<Object> params) {
        Set<UUID> ids = new HashSet<>();
        query(sql, params, rows -> ids.add(rows.getObject(1, UUID.class)));
        return ids;
    }

    private interface RowConsumer {
        void accept(ResultSet rows) throws SQLException;
    }

    private static void query(String sql, List<Object> params, RowConsumer consumer) {
        try (Connection connection = ds.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                statement.setObject(i + 1, params.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    consumer.accept(rows);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("visibility test query failed: " + sql, e);
        }
    }

    private static void execute(String sql, Object... params) {
        try (Connection connection = ds.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("visibility test setup failed: " + sql, e);
        }
    }
}
