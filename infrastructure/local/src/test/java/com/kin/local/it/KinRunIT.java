package com.kin.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code ./kin run} as a developer runs it: the launcher script (with KIN_NO_BUILD=1: this build made the classes) in a
 * process of its own, on the fixture template, free ports, {@code --seed none --warm}; then Ctrl-C (SIGINT). The ready
 * line has the documented form; {@code --warm} has every function up before it, so the first request pays no init;
 * and Ctrl-C, once ready or during start-up, leaves no process and no temporary directory behind.
 */
class KinRunIT {

    private static final Pattern READY = Pattern.compile("^KIN ready api=http://127\\.0\\.0\\.1:([0-9]+)"
            + " webhooks=http://127\\.0\\.0\\.1:\\1/fn postgres=jdbc:postgresql://127\\.0\\.0\\.1:([0-9]+)/kin"
            + " dynamodb=http://127\\.0\\.0\\.1:[0-9]+ sqs=http://127\\.0\\.0\\.1:[0-9]+ twilio=http://127\\.0\\.0\\.1:[0-9]+$");
    private static final Pattern POSTGRES_READY = Pattern.compile("^kin +\\| postgres jdbc:postgresql://\\S+ ready in .*$");
    private static final Pattern ECHO_REPORT = Pattern.compile("^EchoFunction-[0-9]+ *\\| REPORT RequestId: .*$");
    private static final Pattern COLD_START_PID = Pattern.compile("^INIT_REPORT .*pid ([0-9]+)\\)$");
    /** The fixture's functions that can start (FailingInitFunction fails its init on purpose). */
    private static final List<String> STARTABLE = List.of("EchoFunction", "WarmFunction", "SlowFunction",
            "LongFunction", "CrashFunction", "WorkerFunction");
    private static final Duration START_PATIENCE = Duration.ofMinutes(3);

    @Test
    void warmRun_printsTheReadyLine_servesTheFirstRequestWithoutInit_andCtrlCLeavesNothingBehind() throws Exception {
        try (KinProcess kin = KinProcess.run("--port", "0", "--seed", "none", "--warm")) {
            Matcher ready = READY.matcher(kin.awaitLine(READY, START_PATIENCE));
            assertThat(ready.matches()).isTrue();
            Map<String, List<String>> warmed = CapturedLog.byInstance(kin.lines());

            // Before the ready line: one instance of each function, each with one cold start logged.
            for (String function : STARTABLE) {
                assertThat(CapturedLog.count(warmed.get(instanceOf(warmed, function)), "INIT_REPORT Init Duration: "))
                        .as(function).isEqualTo(1);
            }
            long echoPid = coldStartPid(warmed.get(instanceOf(warmed, "EchoFunction")));

            HttpResponse<String> first = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + ready.group(1) + "/open/first")).timeout(Duration.ofMinutes(1))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
            assertThat(new ObjectMapper().readTree(first.body()).path("pid").asLong()).as("the warm instance")
                    .isEqualTo(echoPid);
            assertThat(kin.awaitLine(ECHO_REPORT, Duration.ofSeconds(30))).doesNotContain("Init Duration");
            kin.interruptAndAssertNothingIsLeft();
        }
    }

    @Test
    void ctrlCDuringStartUp_leavesNothingBehind() throws Exception {
        try (KinProcess kin = KinProcess.run("--port", "0", "--seed", "none", "--warm")) {
            // Postgres is up; the pools, the queue pollers and the functions' JVMs of --warm are still to come.
            kin.awaitLine(POSTGRES_READY, START_PATIENCE);

            kin.interruptAndAssertNothingIsLeft();

            assertThat(kin.lines()).as("interrupted before it was ready").noneMatch(line -> line.startsWith("KIN ready"));
        }
    }

    private static String instanceOf(Map<String, List<String>> instances, String function) {
        List<String> ids = instances.keySet().stream().filter(id -> id.startsWith(function + "-")).toList();
        assertThat(ids).as("instances of " + function).hasSize(1);
        return ids.get(0);
    }

    private static long coldStartPid(List<String> texts) {
        return texts.stream().map(COLD_START_PID::matcher).filter(Matcher::matches)
                .mapToLong(cold -> Long.parseLong(cold.group(1))).findFirst().orElseThrow();
    }
}
