package com.kin.health;

import io.micronaut.serde.annotation.Serdeable;

/** The answer of {@code GET /api/health/live}: the function runs and answers. */
@Serdeable
public record Liveness(String status) {

    static final Liveness OK = new Liveness("ok");
}
