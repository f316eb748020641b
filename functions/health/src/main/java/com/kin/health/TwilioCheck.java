package com.kin.health;

import com.kin.core.error.ExternalServiceError;
import com.kin.twilio.rest.AccountStatus;
import com.kin.twilio.rest.TwilioGateway;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;

/**
 * Twilio API access: an authenticated fetch of the account ({@link TwilioGateway#checkAccount()}), reused for
 * {@code HEALTH_CHECK_INTERVAL}. Credentials are always configured here: kin-twilio refuses to start without them, so
 * there is no "not configured" case. Only the account's status is reported: not its SID, never a token or key secret.
 */
@Singleton
final class TwilioCheck implements HealthCheck {

    private final TwilioGateway gateway;
    private final RecentOutcome recent;

    TwilioCheck(TwilioGateway gateway, HealthConfig config, Clock clock) {
        this.gateway = gateway;
        this.recent = new RecentOutcome(clock, config.interval());
    }

    @Override
    public String name() {
        return "twilio";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public Outcome run() {
        return recent.get(this::fetchAccount);
    }

    private Outcome fetchAccount() {
        try {
            AccountStatus account = gateway.checkAccount();
            Map<String, Object> details = Map.of("accountStatus", account.status());
            if (account.isActive()) {
                return Outcome.ok("authenticated; the account is active", details);
            }
            return Outcome.degraded("authenticated, but the account is " + account.status(), details);
        } catch (ExternalServiceError e) {
            Map<String, Object> details = e.providerCode() == null ? Map.of() : Map.of("twilioError", e.providerCode());
            return Outcome.down(e.getMessage(), details);
        }
    }
}
