package com.kin.data.bulksms;

import java.util.UUID;

/** A contact taken into a bulk SMS job, with the status it starts in (queued, skipped_opt_out or failed). */
public record AddedRecipient(UUID contactId, String status) {
}
