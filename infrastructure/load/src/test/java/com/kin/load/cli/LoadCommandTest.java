package com.kin.load.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kin.load.Main;
import com.kin.load.traffic.LoadOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LoadCommandTest {

    private static final String JDBC = "jdbc:postgresql://127.0.0.1:5432/kin";

    @Test
    void defaults_areTheGuidesLoadForAMinute() {
        LoadOptions options = parse("--jdbc", JDBC);

        assertThat(options.users()).isEqualTo(30);
        assertThat(options.rate().perMinute()).isEqualTo(100);
        assertThat(options.duration()).isEqualTo(Duration.ofMinutes(1));
        assertThat(options.warmUp()).isEqualTo(Duration.ofSeconds(10));
        assertThat(options.drain()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.connections()).isEqualTo(64);
        assertThat(options.api().toString()).isEqualTo("http://127.0.0.1:3000");
        assertThat(options.prime()).isTrue();
        assertThat(options.plannedRequests()).isEqualTo(3_000);
    }

    @Test
    void ratesAndDurations_acceptTheirSpellings() {
        LoadOptions options = parse("--jdbc", JDBC, "--users", "3", "--rate", "2/s", "--duration", "1m30s",
                "--warm-up", "0s", "--drain", "PT5S", "--no-prime", "--api", "http://localhost:4000/");

        assertThat(options.rate().perMinute()).isEqualTo(120);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(90));
        assertThat(options.warmUp()).isZero();
        assertThat(options.drain()).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.prime()).isFalse();
        assertThat(options.api().getPort()).isEqualTo(4000);
    }

    @Test
    void malformedRate_namesTheOptionAndTheForm() {
        assertThatThrownBy(() -> parse("--jdbc", JDBC, "--rate", "100"))
                .hasMessageContaining("--rate").hasMessageContaining("100/min");
        assertThatThrownBy(() -> parse("--jdbc", JDBC, "--rate", "0/min")).hasMessageContaining("--rate - must be above 0");
    }

    @Test
    void malformedDuration_namesTheOption() {
        assertThatThrownBy(() -> parse("--jdbc", JDBC, "--duration", "5 minutes"))
                .hasMessageStartingWith("--duration - expected a duration like 30s");
        assertThatThrownBy(() -> parse("--jdbc", JDBC, "--duration", "2h")).hasMessageContaining("between 1s and 1h");
    }

    @Test
    void nonLoopbackTargets_areRefused() {
        assertThatThrownBy(() -> parse("--jdbc", JDBC, "--api", "http://10.1.2.3:3000"))
                .hasMessageContaining("--api - refused: 10.1.2.3 is not a loopback address");
        assertThatThrownBy(() -> parse("--jdbc", "jdbc:postgresql://192.168.0.7:5432/kin"))
                .hasMessageContaining("--jdbc - refused: 192.168.0.7");
        assertThatThrownBy(() -> parse("--jdbc", JDBC, "--api", "https://127.0.0.1:3000"))
                .hasMessageContaining("--api - expected http://127.0.0.1:PORT");
    }

    @Test
    void ipv6Loopback_isAccepted() {
        assertThat(parse("--jdbc", JDBC, "--api", "http://[::1]:3000").api().getHost()).isEqualTo("[::1]");
    }

    @Test
    void aPlanAboveTheRequestCap_isRefusedWithTheFigures() {
        assertThatThrownBy(() -> parse("--jdbc", JDBC, "--users", "300", "--rate", "100/min", "--duration", "5m",
                "--max-requests", "100000"))
                .hasMessageContaining("--max-requests - the plan needs about 155100 requests")
                .hasMessageContaining("above the cap of 100000");
    }

    @Test
    void outOfRangeCounts_areRefused() {
        assertThatThrownBy(() -> parse("--jdbc", JDBC, "--users", "0")).hasMessage("--users - must be between 1 and 5000, got 0");
        assertThatThrownBy(() -> parse("--jdbc", JDBC, "--connections", "0")).hasMessageContaining("--connections");
        assertThatThrownBy(() -> parse("--jdbc", JDBC, "--jitter", "1.5")).hasMessageContaining("--jitter");
    }

    @Test
    void missingJdbc_isAUsageError() {
        StringWriter err = new StringWriter();
        int status = Main.commandLine().setErr(new PrintWriter(err)).execute("load", "--users", "3");

        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--jdbc=URL'");
    }

    private static LoadOptions parse(String... args) {
        CommandLine line = Main.commandLine();
        CommandLine.ParseResult parsed = line.parseArgs(prepend("load", args));
        LoadCommand command = (LoadCommand) parsed.subcommand().commandSpec().userObject();
        return command.options();
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
