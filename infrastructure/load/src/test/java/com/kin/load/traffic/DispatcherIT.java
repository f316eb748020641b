package com.kin.load.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import com.kin.load.report.Recorder;
import com.kin.load.traffic.mix.Action;
import com.kin.load.traffic.mix.ActionMix;
import com.kin.load.traffic.mix.HttpCall;
import com.kin.load.traffic.mix.Session;
import com.kin.local.auth.LocalUser;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dispatcher against a real loopback HTTP server: every answered request is accounted for once the drain ends. */
class DispatcherIT {

    private HttpServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("content-type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void outcomeIsRecordedBeforeTheSlotIsReleased_soADrainThatEndsOnIdleLosesNone() throws Exception {
        URI gateway = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        Session session = new Session(0, new LocalUser(UUID.randomUUID(), "a@kin.local", "A", "agent", "sales"), "token",
                1, null);
        RouteTemplate route = RouteTemplate.of("GET /api/health");
        HttpCall call = new HttpCall(route, "/api/health", Map.of(), null);
        ActionMix.Planned planned = new ActionMix.Planned(
                new Action("health", route, s -> Optional.of(call), (s, body) -> { }), call);
        HttpClient client = Dispatcher.newClient();
        // The race is narrow (one request's release against its own record), so it is given many chances.
        for (int run = 0; run < 300; run++) {
            InFlightLimit limit = new InFlightLimit(4);
            Dispatcher dispatcher = new Dispatcher(client, gateway, limit);
            Recorder recorder = new Recorder(System.nanoTime());
            for (int i = 0; i < 3; i++) {
                dispatcher.send(session, planned, System.nanoTime(), recorder);
            }
            assertThat(limit.awaitIdle(System.nanoTime() + 10_000_000_000L)).isTrue();
            recorder.close(limit.close());
            assertThat(recorder.count() + recorder.unfinished()).as("run " + run).isEqualTo(3);
        }
    }
}
