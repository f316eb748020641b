package com.kin.health;

import com.kin.testing.FunctionHarness;
import java.util.Map;

/** The real health handler, configured by environment variables named as in template.yaml, as a test drives it. */
final class HealthFunction extends FunctionHarness {

    HealthFunction(Map<String, Object> environment) {
        super("health", environment, HealthHandler::new);
    }
}
