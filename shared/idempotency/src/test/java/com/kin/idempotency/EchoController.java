package com.kin.idempotency;

import com.kin.core.error.DatabaseError;
import com.kin.core.error.ExternalServiceError;
import com.kin.core.error.OutcomeNotRecordedError;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.tree.JsonNode;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A POST route that counts how often its work really runs, and fails on demand ({@code "fail": kind}). */
@Controller("/api/things")
final class EchoController {

    static final AtomicInteger RUNS = new AtomicInteger();

    @Post
    HttpResponse<Map<String, Object>> create(@Body JsonNode body) {
        int run = RUNS.incrementAndGet();
        JsonNode fail = body.get("fail");
        if (fail != null) {
            throw failure(fail.isString() ? fail.getStringValue() : "bug");
        }
        return HttpResponse.created(Map.<String, Object>of("run", run, "name", body.get("name").getStringValue()),
                        URI.create("/api/things/" + run))
                .header("ETag", "\"" + run + "\"");
    }

    /** The fault {@code kind} names, as the platform raises it. */
    private static RuntimeException failure(String kind) {
        return switch (kind) {
            case "twilio-timeout" -> ExternalServiceError.timedOut("twilio", "things - Twilio did not answer in time", null);
            case "twilio-error" -> ExternalServiceError.failed("twilio", 21211, "things - Twilio refused", null);
            case "database" -> DatabaseError.unavailable("things - database unavailable", null);
            case "unrecorded" -> new OutcomeNotRecordedError("things - done outside, not recorded", null);
            default -> new IllegalStateException("simulated server fault");
        };
    }
}
