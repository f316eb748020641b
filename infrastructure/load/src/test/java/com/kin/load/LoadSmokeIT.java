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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A smoke of {@code ./kin load} against the real platform: template.yaml's functions in Lambda's runtime client, the demo
 * data, real HTTP. Three users for five seconds, only to prove the tool works end to end (tokens accepted, webhooks'
 * signatures accepted, every planned request accounted for, both outputs written); performance figures come from runs
 * on a quiet machine (docs/PERFORMANCE.md), never from a test.
 */
class LoadSmokeIT {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath().getParent().getParent();
    private static final Path OUTPUT = Path.of("target", "load-smoke");

    private static LocalPlatform platform;

    @BeforeAll
    static void startPlatform() throws Exception {
        for (String jar : List.of("contacts", "messages", "calls", "voicemails", "users", "search", "twilio-voice",
                "twilio-messaging")) {
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

    private static Path state() throws java.io.IOException {
        return Files.createDirectories(Path.of("target", "kin-state"));
    }
}
