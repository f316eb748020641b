package com.kin.data.messages;

import com.kin.core.identity.MessagePlacement;
import com.kin.data.Rows;
import com.kin.data.Sql;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where messages sit for visibility ({@link MessagePlacement}): what a writer hands to {@code com.kin.cache.MessageTags}
 * once its transaction committed. Read it in the same transaction as the write (before a delete), by id or by Twilio SID.
 * The message statements of this package select the same columns ({@link #JOINS}, {@link #COLUMNS}) so that a write
 * returns its placement without a second statement.
 */
@Singleton
public class MessagePlacements {

    /** Joins from {@code messages m} to the message's user and its contact's owner. */
    static final String JOINS = " left join users pu on pu.id = m.user_id left join contacts pc on pc.id = m.contact_id"
            + " left join users pcu on pcu.id = pc.owner_id";
    /** The placement columns over {@link #JOINS}, besides {@code m.id}, {@code m.user_id} and {@code m.contact_id}. */
    static final String COLUMNS = "pu.department as placement_user_department, pc.owner_id as placement_contact_owner_id, "
            + "pcu.department as placement_contact_owner_department";

    private static final String SELECT = "select m.id, m.user_id, m.contact_id, " + COLUMNS + " from messages m" + JOINS;

    /**
     * The main query after a data-modifying CTE named {@code m} ({@code with m as (insert into messages ... returning *)}):
     * the placement of every row it wrote, for writers of messages outside this package (read each row with {@link #read}).
     */
    public static final String OF_WRITTEN = "select m.id, m.user_id, m.contact_id, " + COLUMNS + " from m" + JOINS;

    /** The placement of the message Twilio knows as {@code messageSid}, if KIN has it. */
    public Optional<MessagePlacement> bySid(Sql sql, String messageSid) {
        return sql.queryOne("messages.placementBySid", SELECT + " where m.twilio_message_sid = ?",
                MessagePlacements::read, messageSid);
    }

    /** The placements of those of {@code ids} that exist. */
    public List<MessagePlacement> byIds(Sql sql, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return sql.query("messages.placementByIds", SELECT + " where m.id = any(?)", MessagePlacements::read,
                List.copyOf(ids));
    }

    /** The placement of the row, which selected {@code id}, {@code user_id}, {@code contact_id} and {@link #COLUMNS}. */
    public static MessagePlacement read(ResultSet row) throws SQLException {
        return new MessagePlacement(Rows.uuid(row, "id"), Rows.uuid(row, "user_id"),
                row.getString("placement_user_department"), Rows.uuid(row, "contact_id"),
                Rows.uuid(row, "placement_contact_owner_id"), row.getString("placement_contact_owner_department"));
    }
}
