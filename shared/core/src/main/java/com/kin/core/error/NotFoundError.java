package com.kin.core.error;

/** Thrown when a resource does not exist or the caller may not see it (both read as 404, so nothing leaks). */
public class NotFoundError extends KinException {

    public NotFoundError(String message) {
        super(404, "not-found", message, null);
    }

    /** A 404 naming the resource kind and id, e.g. {@code contacts - contact 42 not found}. */
    public static NotFoundError of(String resource, Object id) {
        return new NotFoundError(resource + " - " + singular(resource) + " " + id + " not found");
    }

    private static String singular(String resource) {
        return resource.endsWith("s") ? resource.substring(0, resource.length() - 1) : resource;
    }
}
