package com.kin.data.messages;

import com.kin.core.domain.Message;
import com.kin.core.identity.MessagePlacement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A message as a write left it, with where it sits for visibility (for the cache tags the write invalidates). */
public record MessageRow(Message message, MessagePlacement placement) {

    static MessageRow read(ResultSet row) throws SQLException {
        return new MessageRow(MessageColumns.read(row), MessagePlacements.read(row));
    }
}
