package com.kin.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.kin.load.report.LoadReport;
import com.kin.load.report.ReportFiles;
import com.kin.local.LocalPlatform;
import com.kin.local.LogStream;
import com.kin.local.PlatformOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A smoke of {@code ./kin load} against the real platform: template.yaml's functions in Lambda's runtime client, the demo
 * data, real HTTP. Three users for five seconds, only to prove the tool works end to end (tokens accepted, webhooks'
 * signatures accepted, every planned request accounted for, both outputs written); performance figures come from runs
 * on a quiet machine (docs/PERFORMANCE.md), never from a test.
 *
 * <p>Then, on the same (now warm) platform, {@code GET /api/metrics} must count what a second run sent: per route the
 * same requests, 4xx and 5xx as the load report, read as the difference of two metrics reports around the run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoadSmokeIT {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent().getParent();
    private static final Path OUTPUT = Path.of("target", "load-smoke");

    private static LocalPlatform platform;

    @BeforeAll
    static void startPlatform() throws Exception {
        for (String jar : List.of("contacts", "messages", "calls", "voicemails", "users", "search", "twilio-voice",
                "twilio-messaging", "metrics")) {
            if (!Files.isRegularFile(REPOSITORY.resolve("functions/" + jar + "/target/function.jar"))) {
                fail("functions/" + jar + "/target/function.jar is missing: build the functions first with"
                        + " `mvn -B install -DskipTests` at the repository root");
            }
        }
        // One instance per function and no queue pollers: the smoke needs the API and the webhooks, no more JVMs.
        PlatformOptions options = new PlatformOptions(REPOSITORY.resolve("template.yaml"), state(), null, 0,
                PlatformOptions.Seed.SMALL, false, 1, Map.of(), true, false);
        platform = LocalPlatform.start(options, new LogStream(System.out), Clock.systemUTC());
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void threeUsersForFiveSeconds_writeAReportOfEveryPlannedRequest_andThePage() throws Exception {
        Path json = OUTPUT.resolve("load.json");
        Path html = OUTPUT.resolve("load.html");
        Files.deleteIfExists(json);
        Files.deleteIfExists(html);

        int status = Main.commandLine().execute("load", "--users", "3", "--rate", "120/min", "--duration", "5s",
                "--warm-up", "0s", "--drain", "60s", "--api", platform.gateway().orElseThrow().url(),
                "--jdbc", platform.services().jdbcUrl(), "--template", REPOSITORY.resolve("template.yaml").toString(),
                "--state", state().toString(), "--out", json.toString(), "--html", html.toString());

        assertThat(status).isZero();
        LoadReport report = ReportFiles.read(json);
        assertThat(report.run().usersByRole()).containsEntry("agent", 2).containsEntry("manager", 1);
        assertThat(report.totals().planned()).as("3 users x 2/s x 5 s").isEqualTo(30);
        assertThat(report.totals().completed() + report.totals().unfinished()).isEqualTo(30);
        assertThat(report.routes()).filteredOn(route -> route.requests() > 0).hasSizeGreaterThanOrEqualTo(4);
        assertThat(report.routes().stream().mapToLong(LoadReport.RouteResult::requests).sum())
                .isEqualTo(report.totals().completed());
        assertThat(report.routes()).allSatisfy(route -> assertThat(route.statuses())
                .as("tokens and webhook signatures are accepted: " + route.route()).doesNotContainKeys("401", "403"));
        assertThat(report.timeline()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(report.targets()).hasSize(9);
        assertThat(report.memory()).as("the function JVMs' peak RSS, from /proc").isNotEmpty()
                .allSatisfy(memory -> assertThat(memory.peakRssMb()).isPositive());
        assertThat(report.sql().transactions()).isPositive();
        assertThat(Files.readString(html)).contains("<svg", "<polyline", report.routes().get(0).route());
    }

    /**
     * The functions' own metrics, as {@code /api/metrics} reports them, against the load tool's report of a second run
     * (without priming, so every request it sent is one it recorded; the first test warmed the functions). Differences
     * allowed, and only these: the tool's preflight {@code GET /api/users/me} (one 200, not in its report); the
     * metrics reads themselves ({@code GET:/api/metrics}); and Twilio's status callbacks, which the local Twilio
     * stand-in posts for every SMS sent and call placed ({@code POST:/sms/status}, {@code POST:/voice/status}): there
     * the functions count at least what the tool sent.
     */
    @Test
    @Order(2)
    void metricsReport_countsPerRouteWhatTheLoadToolSent() throws Exception {
        Path json = OUTPUT.resolve("load-metrics.json");
        Files.deleteIfExists(json);
        MetricsEndpoint metrics = new MetricsEndpoint(platform.gateway().orElseThrow().url(),
                REPOSITORY.resolve("template.yaml"), state());
        Map<String, MetricsEndpoint.Counts> before = metrics.routes();

        int status = Main.commandLine().execute("load", "--users", "3", "--rate", "120/min", "--duration", "5s",
                "--warm-up", "0s", "--no-prime", "--drain", "60s", "--api", platform.gateway().orElseThrow().url(),
                "--jdbc", platform.services().jdbcUrl(), "--template", REPOSITORY.resolve("template.yaml").toString(),
                "--state", state().toString(), "--out", json.toString(), "--html", OUTPUT.resolve("load-metrics.html")
                .toString());

        assertThat(status).isZero();
        LoadReport report = ReportFiles.read(json);
        assertThat(report.totals().unfinished()).as("every request answered, so the functions saw all of them").isZero();
        Map<String, MetricsEndpoint.Counts> sent = new TreeMap<>(MetricsEndpoint.of(report));
        sent.merge("GET:/api/users/me", new MetricsEndpoint.Counts(1, 0, 0), MetricsEndpoint.Counts::plus);
        Map<String, MetricsEndpoint.Counts> counted = countedOnceSettled(metrics, before, sent);

        Map<String, MetricsEndpoint.Counts> exact = new TreeMap<>(counted);
        exact.keySet().removeAll(CALLBACK_ROUTES);
        exact.remove(MetricsEndpoint.ROUTE);
        Map<String, MetricsEndpoint.Counts> expected = new TreeMap<>(sent);
        expected.keySet().removeAll(CALLBACK_ROUTES);
        assertThat(exact).as("per route: requests, 4xx, 5xx").isEqualTo(expected);
        for (String callback : CALLBACK_ROUTES) {
            MetricsEndpoint.Counts tool = sent.getOrDefault(callback, MetricsEndpoint.Counts.NONE);
            MetricsEndpoint.Counts functions = counted.getOrDefault(callback, MetricsEndpoint.Counts.NONE);
            assertThat(functions.requests()).as(callback).isGreaterThanOrEqualTo(tool.requests());
            assertThat(functions.serverErrors()).as(callback).isEqualTo(tool.serverErrors());
        }
        long callbacksFromTheStandIn = CALLBACK_ROUTES.stream().mapToLong(route ->
                counted.getOrDefault(route, MetricsEndpoint.Counts.NONE).requests()
                        - sent.getOrDefault(route, MetricsEndpoint.Counts.NONE).requests()).sum();
        long metricsReads = counted.getOrDefault(MetricsEndpoint.ROUTE, MetricsEndpoint.Counts.NONE).requests();
        assertThat(counted.values().stream().mapToLong(MetricsEndpoint.Counts::requests).sum())
                .as("all requests = completed + preflight + stand-in callbacks + metrics reads")
                .isEqualTo(report.totals().completed() + 1 + callbacksFromTheStandIn + metricsReads);
    }

    /** Status callback routes: the local Twilio stand-in posts to them as well as the load tool. */
    private static final Set<String> CALLBACK_ROUTES = Set.of("POST:/sms/status", "POST:/voice/status");

    /**
     * The change since {@code before}, once every sent request is counted and two reads a second apart agree (the
     * stand-in's callbacks trail the run by a few hundred milliseconds each).
     */
    private static Map<String, MetricsEndpoint.Counts> countedOnceSettled(MetricsEndpoint metrics,
            Map<String, MetricsEndpoint.Counts> before, Map<String, MetricsEndpoint.Counts> sent) throws Exception {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        Map<String, MetricsEndpoint.Counts> previous = Map.of();
        while (true) {
            Map<String, MetricsEndpoint.Counts> counted = MetricsEndpoint.difference(metrics.routes(), before);
            counted.remove(MetricsEndpoint.ROUTE); // each read adds one, so only the other routes can settle
            boolean allIn = sent.entrySet().stream().allMatch(route -> counted.getOrDefault(route.getKey(),
                    MetricsEndpoint.Counts.NONE).requests() >= route.getValue().requests());
            if ((allIn && counted.equals(previous)) || System.nanoTime() > deadline) {
                return MetricsEndpoint.difference(metrics.routes(), before);
            }
            previous = counted;
            Thread.sleep(1000);
        }
    }

    private static Path state() throws java.io.IOException {
        return Files.createDirectories(Path.of("target", "kin-state"));
    }
}
