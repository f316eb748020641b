package com.kin.health;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/**
 * {@code GET /api/health/live}: for load balancers, without a token (the route has no authorizer in template.yaml).
 * It answers as soon as the function runs and touches no dependency, so it says nothing an outsider could use.
 * Its own controller, so that answering it never builds the checks or their clients.
 */
@Controller("/api/health/live")
class LivenessController {

    @Get
    HttpResponse<Liveness> live() {
        return HttpResponse.ok(Liveness.OK).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
