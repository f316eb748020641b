package com.kin.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.UUID;

/**
 * The {@link SampleUsers} as callers: a test sends a sample event as one of them by rewriting its JWT claims
 * ({@link LambdaEvents#as}), so one parameterised test can walk a route through every role.
 */
public enum SampleCaller {
    /** Agent 1, sales: the caller of most sample events. */
    AGENT1(SampleUsers.AGENT1, "agent", "sales"),
    /** Agent 2, support. */
    AGENT2(SampleUsers.AGENT2, "agent", "support"),
    /** The sales manager. */
    MANAGER(SampleUsers.MANAGER, "manager", "sales"),
    /** The admin, without a department. */
    ADMIN(SampleUsers.ADMIN, "admin", null);

    private final UUID userId;
    private final String role;
    private final String department;

    SampleCaller(UUID userId, String role, String department) {
        this.userId = userId;
        this.role = role;
        this.department = department;
    }

    /** {@code event} as sent by this caller (its claims rewritten in place). */
    public APIGatewayV2HTTPEvent on(APIGatewayV2HTTPEvent event) {
        return LambdaEvents.as(event, userId, role, department);
    }

    /** The sample event {@code events/<relative>} as sent by this caller. */
    public APIGatewayV2HTTPEvent event(String relative) {
        return on(LambdaEvents.http(relative));
    }

    public UUID userId() {
        return userId;
    }

    /** The role claim: agent, manager or admin. */
    public String role() {
        return role;
    }

    public String department() {
        return department;
    }
}
