package com.kin.bench.floor;

/**
 * What one function's floor does for its sample event: the same database (or HTTP) work as the function's first
 * request, with nothing but the JDK, PgJDBC and Jackson. {@link FloorQueries} names the work of each function.
 */
public interface FloorWork {

    /** The floor's answer: a status and a JSON body. */
    record Result(int status, String body) {

        static Result notFound() {
            return new Result(404, "{\"status\":404}");
        }
    }

    Result run(FloorRequest request) throws Exception;
}
