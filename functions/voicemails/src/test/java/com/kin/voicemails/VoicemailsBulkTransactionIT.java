package com.kin.voicemails;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.data.SqlMetrics;
import com.kin.testing.FunctionHarness;
import com.kin.testing.HeldLock;
import com.kin.testing.SampleUsers;
import io.micronaut.json.tree.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Bulk voicemail actions at their limit (500 ids) and when they fail: one transaction per request, so a request that
 * fails, whether refused before it writes or failing in the middle of its statements, changes nothing.
 */
class VoicemailsBulkTransactionIT extends VoicemailScenario {

    @Test
    void bulk_fiveHundredIds_areAllDone_inTwoStatements() {
        List<UUID> ids = unassignedSalesVoicemails(500);
        SqlMetrics metrics = function.bean(SqlMetrics.class);
        long before = metrics.statementCount();

        JsonNode result = ok(VoicemailStatementCountsIT.bulk(body("markRead", null, ids)));

        assertThat(metrics.statementCount() - before).isEqualTo(2);
        assertThat(result.get("results").size()).isEqualTo(500);
        result.get("results").values().forEach(item -> assertThat(item.get("status").getStringValue()).isEqualTo("done"));
        assertThat(result.get("counts").get("done").getIntValue()).isEqualTo(500);
        assertThat(count("select count(*) from voicemails where id = any(?) and read_at is not null and version = 2", ids))
                .isEqualTo(500);
    }

    /**
     * The assignee's row is held by another transaction (as an admin's change to that user holds it), so the assignment's
     * foreign-key check waits past the statement timeout: the lock and the update had run, the request fails with 503,
     * and the rollback leaves every voicemail as it was.
     */
    @Test
    void bulk_failingInTheMiddleOfItsTransaction_changesNothing() {
        try (FunctionHarness impatient = withStatementTimeout();
             HeldLock assignee = HeldLock.take(db.dataSource(), "select id from users where id = ? for update",
                     SampleUsers.AGENT2)) {
            SqlMetrics metrics = impatient.bean(SqlMetrics.class);
            long before = metrics.statementCount();

            APIGatewayV2HTTPResponse response = impatient.invoke(asAdmin(VoicemailStatementCountsIT.bulk(
                    body("assign", SampleUsers.AGENT2, List.of(VM1, VM3, VM4)))));

            impatient.assertProblem(response, 503, null);
            assertThat(metrics.statementCount() - before).as("assignee check, lock, update").isEqualTo(3);
        }
        assertThat(VoicemailData.stored(db.dataSource(), VM1)).isEqualTo(
                new VoicemailData.Stored("normal", false, SampleUsers.AGENT1, 1));
        assertThat(VoicemailData.stored(db.dataSource(), VM3)).isEqualTo(new VoicemailData.Stored("high", false, null, 1));
        assertThat(VoicemailData.stored(db.dataSource(), VM4)).isEqualTo(new VoicemailData.Stored("low", false, null, 1));
    }

    /** The checks that can refuse a whole request run before its first write: an inactive assignee is a 400. */
    @Test
    void bulk_refusedBeforeItWrites_changesNothing() {
        execute("update users set active = false where id = ?", SampleUsers.AGENT2);

        assertProblem(function.invoke(asAdmin(VoicemailStatementCountsIT.bulk(
                body("assign", SampleUsers.AGENT2, List.of(VM1, VM3, VM4))))), 400);

        assertThat(VoicemailData.stored(db.dataSource(), VM1).assignedToId()).isEqualTo(SampleUsers.AGENT1);
        assertThat(VoicemailData.stored(db.dataSource(), VM3).version()).isEqualTo(1);
        assertThat(VoicemailData.stored(db.dataSource(), VM4).version()).isEqualTo(1);
    }

    /** Another instance of the function whose statements time out after one second (the smallest JDBC timeout). */
    private static FunctionHarness withStatementTimeout() {
        return new FunctionHarness("voicemails", FunctionHarness.Tables.fresh("voicemails"),
                Map.<String, Object>of("db.statement-timeout-ms", "1000"), VoicemailsHandler::new) {
        };
    }

    private static String body(String action, UUID assignee, List<UUID> ids) {
        List<String> quoted = new ArrayList<>();
        ids.forEach(id -> quoted.add("\"" + id + "\""));
        return "{\"action\": \"" + action + "\"" + (assignee == null ? "" : ", \"assignedToId\": \"" + assignee + "\"")
                + ", \"ids\": [" + String.join(", ", quoted) + "]}";
    }

    /** {@code n} unread, unassigned voicemails in the sales queue (agent 1's department), inserted in one statement. */
    private static List<UUID> unassignedSalesVoicemails(int n) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(UUID.randomUUID());
        }
        execute("""
                insert into voicemails (id, department, from_number, recording_sid, recording_url)
                select id, 'sales', '+14155550101', 'RE' || replace(id::text, '-', ''),
                       ? || 'RE' || replace(id::text, '-', '')
                  from unnest(?) as id""", VoicemailData.RECORDINGS, ids);
        return ids;
    }

    private static long count(String sql, List<UUID> ids) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = prepare(c, sql, ids);
             ResultSet rows = s.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("test data - failed to run: " + sql, e);
        }
    }

    private static void execute(String sql, Object... params) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = prepare(c, sql, params)) {
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("test data - failed to run: " + sql, e);
        }
    }

    /** The statement with {@code params} bound; a list of ids becomes a uuid[]. */
    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i] instanceof List<?> list ? c.createArrayOf("uuid", list.toArray()) : params[i]);
        }
        return statement;
    }
}
