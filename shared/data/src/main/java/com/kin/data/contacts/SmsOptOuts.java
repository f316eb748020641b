package com.kin.data.contacts;

import com.kin.data.Sql;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.UUID;

/**
 * A contact's SMS opt-out as carriers' keywords set it (STOP ... / START ...): opting out keeps the first time it
 * happened, opting back in clears it. A contact already in the asked state is left alone (no new version).
 */
@Singleton
public class SmsOptOuts {

    /** Sets or clears the opt-out; returns whether the contact changed. */
    public boolean set(Sql sql, UUID contactId, boolean optOut, Instant now) {
        return sql.update("contacts.smsOptOut", "update contacts c set sms_opt_out = ?, "
                + "sms_opt_out_at = case when ? then coalesce(c.sms_opt_out_at, ?) end, "
                + "version = c.version + 1, updated_at = ? where c.id = ? and c.sms_opt_out <> ?",
                optOut, optOut, now, now, contactId, optOut) == 1;
    }
}
