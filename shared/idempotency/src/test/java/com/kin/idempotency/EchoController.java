package com.kin.idempotency;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.tree.JsonNode;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A POST route that counts how often its work really runs, and fails on demand. */
@Controller("/api/things")
final class EchoController {

    static final AtomicInteger RUNS = new AtomicInteger();

    @Post
    HttpResponse<Map<String, Object>> create(@Body JsonNode body) {
        int run = RUNS.incrementAndGet();
        if (body.get("fail") != null) {
            throw new IllegalStateException("simulated server fault");
        }
        return HttpResponse.created(Map.<String, Object>of("run", run, "name", body.get("name").getStringValue()),
                        URI.create("/api/things/" + run))
                .header("ETag", "\"" + run + "\"");
    }
}
