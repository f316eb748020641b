package com.kin.core.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Thrown when input is malformed or invalid; carries one message per offending field. */
public class BadRequestError extends KinException {

    private final Map<String, String> fieldErrors;

    public BadRequestError(String message) {
        this(message, Map.of(), null);
    }

    public BadRequestError(String message, Map<String, String> fieldErrors) {
        this(message, fieldErrors, null);
    }

    public BadRequestError(String message, Map<String, String> fieldErrors, Throwable cause) {
        super(400, "bad-request", message, cause);
        this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
    }

    /** A 400 for a single field. */
    public static BadRequestError field(String field, String problem) {
        return new BadRequestError("invalid " + field + ": " + problem, Map.of(field, problem));
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    @Override
    public Map<String, Object> extensions() {
        return fieldErrors.isEmpty() ? Map.of() : Map.of("errors", fieldErrors);
    }
}
