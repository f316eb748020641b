package com.kin.health;

import com.kin.core.error.ForbiddenError;
import com.kin.core.identity.Caller;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/**
 * {@code GET /api/health}: the state of every part the platform depends on, for admins. 200 when ok or degraded, 503
 * when down, so a probe that reads only the status code sees the outage.
 *
 * <p>The admin check reads the role from the verified token claims only: the report must answer when the database
 * (where users live) is the part that is down.
 */
@Controller("/api/health")
class HealthController {

    private final HealthService health;

    HealthController(HealthService health) {
        this.health = health;
    }

    @Get
    HttpResponse<HealthReport> report(Caller caller) {
        if (!caller.isAdmin()) {
            throw new ForbiddenError("health - only admins may read the health report; GET /api/health/live answers "
                    + "anyone");
        }
        HealthReport report = health.report();
        return HttpResponse.<HealthReport>status(HttpStatus.valueOf(report.status().httpStatus()))
                .body(report)
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
