package com.kin.observability.it;

import com.kin.core.error.DatabaseError;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A tiny controller the integration tests drive through real payload 2.0 events. */
@Controller("/api/things")
class ThingsController {

    private static final Logger LOG = LoggerFactory.getLogger(ThingsController.class);

    @Get("/{id}")
    Map<String, String> show(String id) {
        LOG.info("loading thing");
        return Map.of("id", id);
    }

    @Get("/broken/now")
    Map<String, String> broken() {
        throw new IllegalStateException("things - store unreachable");
    }

    @Get("/database/down")
    Map<String, String> databaseDown() {
        throw DatabaseError.unavailable("things - database unavailable",
                new SQLTransientConnectionException("pool timeout after 5000ms"));
    }

    @Post(value = "/voice", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_XML)
    HttpResponse<String> voice(@Body Map<String, String> form) {
        LOG.info("voice webhook received");
        return HttpResponse.ok("<Response/>");
    }
}
