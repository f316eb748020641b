package com.kin.bulksms;

import com.kin.core.domain.BulkSmsJob;
import com.kin.core.domain.BulkSmsJobAccepted;
import com.kin.core.identity.Caller;
import com.kin.core.validation.Ids;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.tree.JsonNode;

/**
 * The bulk SMS routes of the HTTP API. They sit under /api/messages beside the messages function's routes; API Gateway
 * sends /api/messages/bulk and /api/messages/bulk/{jobId} here because those routes are more specific.
 *
 * <p>The progress answer carries no ETag: its counts move while the job row (and its version) stays the same.
 */
@Controller("/api/messages/bulk")
class BulkSmsController {

    private final BulkSmsJobService jobs;

    BulkSmsController(BulkSmsJobService jobs) {
        this.jobs = jobs;
    }

    /** Accepts the job at once (202); the sending happens in the bulk-sms-worker function. */
    @Post
    HttpResponse<BulkSmsJobAccepted> create(Caller caller, @Body JsonNode body) {
        BulkSmsJobAccepted accepted = jobs.create(caller, BulkSmsRequest.parse(body));
        return HttpResponse.<BulkSmsJobAccepted>status(HttpStatus.ACCEPTED).body(accepted)
                .header(HttpHeaders.LOCATION, "/api/messages/bulk/" + accepted.jobId());
    }

    @Get("/{jobId}")
    BulkSmsJob progress(Caller caller, @PathVariable String jobId) {
        return jobs.progress(caller, Ids.parse("jobId", jobId));
    }
}
