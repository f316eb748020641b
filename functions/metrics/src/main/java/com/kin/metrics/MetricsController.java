package com.kin.metrics;

import com.kin.core.error.ForbiddenError;
import com.kin.core.identity.Caller;
import com.kin.metrics.report.MetricsReport;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;

/**
 * {@code GET /api/metrics[?window=PT15M]}: latency percentiles, request and error rates per route, cache hit ratios per
 * kind, database time, pool usage and cold starts of every function over the window, for admins.
 *
 * <p>The admin check reads the role from the verified token claims, as the health report does: this function has no
 * database to look users up in.
 */
@Controller("/api/metrics")
class MetricsController {

    private final MetricsService metrics;

    MetricsController(MetricsService metrics) {
        this.metrics = metrics;
    }

    @Get
    HttpResponse<MetricsReport> report(Caller caller, @Nullable @QueryValue("window") String window) {
        if (!caller.isAdmin()) {
            throw new ForbiddenError("metrics - only admins may read the metrics report");
        }
        return HttpResponse.ok(metrics.report(window)).header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
