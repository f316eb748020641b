package com.kin.data.messages;

import java.util.UUID;

/** A message locked for a bulk action, and whether the caller may see (and so change) it. */
public record MessageLock(UUID id, boolean visible) {
}
