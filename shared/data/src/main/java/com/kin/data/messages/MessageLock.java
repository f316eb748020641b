package com.kin.data.messages;

import com.kin.core.identity.MessagePlacement;
import java.util.UUID;

/** A message locked for a bulk action, whether the caller may see (and so change) it, and where it sits for visibility. */
public record MessageLock(UUID id, boolean visible, MessagePlacement placement) {
}
