package com.kin.idempotency;

import java.util.Map;

/** The first answer to an idempotent request, replayed byte for byte to its retries. */
public record StoredResponse(int status, String contentType, Map<String, String> headers, byte[] body) {
}
