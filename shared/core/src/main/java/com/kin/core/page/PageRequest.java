package com.kin.core.page;

import com.kin.core.error.BadRequestError;

/** How many rows a list may return, and where to continue from. Limits run from 1 to {@link #MAX_LIMIT}. */
public record PageRequest(int limit, String cursor) {

    public static final int DEFAULT_LIMIT = 25;
    public static final int MAX_LIMIT = 100;

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw BadRequestError.field("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (cursor != null && cursor.isBlank()) {
            cursor = null;
        }
    }

    /** A request from query parameters, either of which may be absent. */
    public static PageRequest of(Integer limit, String cursor) {
        return new PageRequest(limit == null ? DEFAULT_LIMIT : limit, cursor);
    }

    /** One more row than the page holds: if it comes back, there is a next page. */
    public int fetchSize() {
        return limit + 1;
    }
}
