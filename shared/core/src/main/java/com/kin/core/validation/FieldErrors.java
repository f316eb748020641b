package com.kin.core.validation;

import com.kin.core.error.BadRequestError;
import java.util.LinkedHashMap;
import java.util.Map;

/** Collects every problem with an input before answering, so a client fixes all its fields in one round trip. */
public final class FieldErrors {

    private final String context;
    private final Map<String, String> errors = new LinkedHashMap<>();

    public FieldErrors(String context) {
        this.context = context;
    }

    public FieldErrors add(String field, String problem) {
        errors.putIfAbsent(field, problem);
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** Throws a {@link BadRequestError} listing every field if any was added. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new BadRequestError(context + " - invalid input: " + String.join(", ", errors.keySet()), errors);
        }
    }
}
