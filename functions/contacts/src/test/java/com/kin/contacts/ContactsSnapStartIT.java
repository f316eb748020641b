package com.kin.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.cache.TwoTierCache;
import com.kin.observability.http.ColdStart;
import com.kin.snapstart.InvocationPriming;
import com.kin.snapstart.Outcome;
import com.kin.snapstart.SnapStartPriming;
import com.kin.testing.FunctionHarness;
import com.kin.testing.LambdaEvents;
import com.kin.testing.SampleUsers;
import com.kin.testing.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SnapStart priming inside the real contacts function: its resource, its priming event, its handler. */
class ContactsSnapStartIT {

    private FunctionHarness function;

    @BeforeEach
    void start() {
        TestDatabase db = TestDatabase.get();
        db.truncateAll();
        SampleUsers.insert(db.dataSource());
        // On Lambda the handler class comes from _HANDLER; a test names it.
        function = new FunctionHarness("contacts", FunctionHarness.Tables.fresh("contacts"),
                Map.of("snapstart.handler", ContactsHandler.class.getName()), ContactsHandler::new) {
        };
    }

    @AfterEach
    void stop() {
        function.close();
    }

    @Test
    void functionContext_hasThePrimingResourceWithItsInvocationStep() {
        assertThat(function.bean(SnapStartPriming.class).enabled()).isTrue();
        assertThat(function.bean(InvocationPriming.class).invocations()).isZero();
    }

    @Test
    void beforeCheckpoint_primingInvocationGoesThroughTheHandler() throws IOException {
        SnapStartPriming priming = function.bean(SnapStartPriming.class);

        priming.beforeCheckpoint(null);

        InvocationPriming invocation = function.bean(InvocationPriming.class);
        assertThat(priming.lastOutcomes()).containsEntry("warm the request path", Outcome.OK)
                .containsEntry("warm the database", Outcome.OK)
                .containsEntry("warm DynamoDB", Outcome.OK);
        assertThat(invocation.invocations()).isEqualTo(1);
        assertThat(function.bean(ColdStart.class).claim()).as("the first real request is still the cold start")
                .isTrue();
        // The synthetic caller owns no contact: the real route answers 404 after reading the database.
        APIGatewayV2HTTPResponse direct = function.invoke(primingEvent());
        function.assertProblem(direct, 404, null);
        assertThat(invocation.lastStatus()).isEqualTo(direct.getStatusCode());
    }

    @Test
    void beforeCheckpoint_leavesNoPooledConnectionAndAnEmptyL1() {
        assertThat(function.invoke(LambdaEvents.http("contacts/list.json")).getStatusCode()).isEqualTo(200);
        assertThat(function.bean(TwoTierCache.class).stats().l1Entries()).as("the list is cached in L1").isPositive();

        function.bean(SnapStartPriming.class).beforeCheckpoint(null);

        assertThat(function.bean(HikariDataSource.class).getHikariPoolMXBean().getTotalConnections()).isZero();
        assertThat(function.bean(TwoTierCache.class).stats().l1Entries()).isZero();
    }

    private static APIGatewayV2HTTPEvent primingEvent() throws IOException {
        try (InputStream in = ContactsSnapStartIT.class.getClassLoader().getResourceAsStream("snapstart/priming-event.json")) {
            assertThat(in).as("the contacts module ships its priming event").isNotNull();
            return LambdaEvents.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), APIGatewayV2HTTPEvent.class);
        }
    }
}
