package com.kin.data.bulksms;

import java.util.UUID;

/**
 * One recipient of a job as the worker reads it before sending: its status, and the contact's number (mobile first),
 * opt-out flag and the fields the body may use.
 */
public record SendTarget(UUID contactId, String status, String phone, boolean optedOut, String firstName,
                         String lastName, String organization) {

    public boolean isQueued() {
        return RecipientStatus.QUEUED.equals(status);
    }
}
