package com.kin.data.voicemails;

import com.kin.core.domain.Recordings;
import com.kin.core.domain.Voicemail;
import com.kin.core.domain.VoicemailPriority;
import com.kin.data.Rows;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The voicemail columns a {@link Voicemail} is read from, for the voicemail queries and for queries that bring a voicemail
 * along with another row (a call's detail), where each column is labelled with a prefix.
 */
public final class VoicemailColumns {

    private static final List<String> NAMES = List.of("id", "call_id", "contact_id", "assigned_to_id", "department",
            "priority", "from_number", "read_at", "recording_url", "transcription", "duration_seconds", "created_at",
            "updated_at", "version");

    private VoicemailColumns() {
    }

    /** The select list {@code v.id, v.call_id, ...} for table alias {@code alias}. */
    public static String of(String alias) {
        return NAMES.stream().map(name -> alias + "." + name).collect(Collectors.joining(", "));
    }

    /** The select list {@code v.id as vm_id, ...}, each column labelled with {@code prefix}. */
    public static String labelled(String alias, String prefix) {
        return NAMES.stream().map(name -> alias + "." + name + " as " + prefix + name).collect(Collectors.joining(", "));
    }

    /** The voicemail in the current row, its columns labelled with {@code prefix}; null when its id is null (no match). */
    public static Voicemail read(ResultSet row, String prefix) throws SQLException {
        java.util.UUID id = Rows.uuid(row, prefix + "id");
        if (id == null) {
            return null;
        }
        Instant readAt = Rows.instant(row, prefix + "read_at");
        String priority = row.getString(prefix + "priority");
        return new Voicemail(id, Rows.uuid(row, prefix + "call_id"), Rows.uuid(row, prefix + "contact_id"),
                Rows.uuid(row, prefix + "assigned_to_id"), row.getString(prefix + "department"),
                VoicemailPriority.fromWire(priority)
                        .orElseThrow(() -> new IllegalStateException("voicemails - unknown priority in database: " + priority)),
                row.getString(prefix + "from_number"), readAt != null, readAt,
                Recordings.playableUrl(row.getString(prefix + "recording_url")), row.getString(prefix + "transcription"),
                Rows.integer(row, prefix + "duration_seconds"), Rows.instant(row, prefix + "created_at"),
                Rows.instant(row, prefix + "updated_at"), row.getLong(prefix + "version"));
    }
}
