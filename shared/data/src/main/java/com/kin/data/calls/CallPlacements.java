package com.kin.data.calls;

import com.kin.core.identity.CallPlacement;
import com.kin.data.Rows;
import com.kin.data.Sql;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;

/**
 * Where calls sit for visibility ({@link CallPlacement}): what a writer of calls (the voice webhooks) hands to
 * {@code com.kin.cache.CallTags#changed} once its transaction committed.
 */
@Singleton
public class CallPlacements {

    private static final String SELECT = "select c.id, c.user_id, u.department as user_department, c.department "
            + "from calls c left join users u on u.id = c.user_id";
    /** The RETURNING clause of a write to {@code calls c}: the placement of the row as written, read by {@link #read}. */
    static final String RETURNING = " returning c.id, c.user_id, "
            + "(select u.department from users u where u.id = c.user_id) as user_department, c.department";

    /** The placement of the call Twilio knows as {@code callSid}, if KIN has it. */
    public Optional<CallPlacement> bySid(Sql sql, String callSid) {
        return sql.queryOne("calls.placementBySid", SELECT + " where c.twilio_call_sid = ?", CallPlacements::read,
                callSid);
    }

    public Optional<CallPlacement> byId(Sql sql, UUID id) {
        return sql.queryOne("calls.placementById", SELECT + " where c.id = ?", CallPlacements::read, id);
    }

    static CallPlacement read(ResultSet row) throws SQLException {
        return new CallPlacement(Rows.uuid(row, "id"), Rows.uuid(row, "user_id"), row.getString("user_department"),
                row.getString("department"));
    }
}
