package com.kin.messages;

import com.kin.core.error.BadRequestError;
import com.kin.core.page.PageRequest;

/** Reads the {@code limit} and {@code cursor} query parameters of a list, answering 400 for a limit that is not a number. */
final class PageParams {

    private PageParams() {
    }

    static PageRequest of(String limit, String cursor) {
        if (limit == null || limit.isBlank()) {
            return PageRequest.of(null, cursor);
        }
        try {
            return PageRequest.of(Integer.valueOf(limit.strip()), cursor);
        } catch (NumberFormatException e) {
            throw BadRequestError.field("limit", "must be a whole number between 1 and " + PageRequest.MAX_LIMIT);
        }
    }
}
