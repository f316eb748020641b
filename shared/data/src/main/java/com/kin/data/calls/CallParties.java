package com.kin.data.calls;

import java.util.UUID;

/** Who called whom on a call KIN knows, found by its CallSid (a recording callback names only the call). */
public record CallParties(UUID id, String from, String to) {
}
