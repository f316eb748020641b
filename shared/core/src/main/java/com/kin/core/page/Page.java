package com.kin.core.page;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list and the cursor of the next one ({@code null} on the last page). An empty page still carries
 * {@code "items": []}: Serde's default inclusion (NON_EMPTY) would otherwise drop the member clients iterate over.
 */
@Serdeable
public record Page<T>(@JsonInclude(JsonInclude.Include.ALWAYS) List<T> items, String nextCursor) {

    /**
     * The page from rows fetched with {@link PageRequest#fetchSize()}: the extra row, if any, only proves a next page exists,
     * and the cursor points after the last row kept.
     */
    public static <T> Page<T> of(List<T> rows, PageRequest request, Function<T, Cursor> cursorOf) {
        if (rows.size() <= request.limit()) {
            return new Page<>(List.copyOf(rows), null);
        }
        List<T> items = List.copyOf(rows.subList(0, request.limit()));
        return new Page<>(items, cursorOf.apply(items.get(items.size() - 1)).encode());
    }
}
