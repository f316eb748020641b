package com.kin.load.cli;

import com.kin.load.report.ConsoleReport;
import com.kin.load.report.LoadReport;
import com.kin.load.report.ReportFiles;
import com.kin.load.traffic.DurationText;
import com.kin.load.traffic.LoadOptions;
import com.kin.load.traffic.LoadRun;
import com.kin.load.traffic.Loopback;
import com.kin.load.traffic.Rate;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "load", mixinStandardHelpOptions = true,
        description = "Virtual users (agents, managers, admins of the database, each with its own token) doing what the"
                + " frontend does, plus Twilio's webhooks, against the local runtime over HTTP; prints and writes"
                + " (JSON, HTML) latency per route, errors, cache tiers, SQL counters and the targets. Loopback only.")
public final class LoadCommand implements Callable<Integer> {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @Option(names = "--users", defaultValue = "30", description = "Virtual users (default: ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--rate", defaultValue = "100/min", description = "Requests per user: 100/min, 2/s, 600/h"
            + " (default: ${DEFAULT-VALUE}).")
    String rate;

    @Option(names = "--duration", defaultValue = "1m", description = "Measured time: 30s, 5m, 1m30s (default: ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--warm-up", defaultValue = "10s", description = "Traffic before the measurement, not counted:"
            + " cold starts, first cache fills (default: ${DEFAULT-VALUE}; 0s for none).")
    String warmUp;

    @Option(names = "--prime", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Before any traffic, one request per route, one at a time, so that each function has a warm"
                    + " instance instead of a dozen cold starts at once (default: on; --no-prime to measure cold starts).")
    boolean prime;

    @Option(names = "--drain", defaultValue = "30s", description = "Wait at most this long for answers after the last"
            + " request is sent; what is still open then counts as unfinished errors (default: ${DEFAULT-VALUE}).")
    String drain;

    @Option(names = "--max-requests", defaultValue = "500000", description = "Cap on requests of the whole run, warm-up"
            + " included; a plan above it is refused (default: ${DEFAULT-VALUE}).")
    long maxRequests;

    @Option(names = "--connections", defaultValue = "64", description = "Requests in flight at most, so HTTP/1.1"
            + " connections at most (default: ${DEFAULT-VALUE}, the local gateway's worker threads).")
    int connections;

    @Option(names = "--jitter", defaultValue = "0.5", description = "How far a request may move from its slot, as a"
            + " share of the interval, half each way, 0..1 (default: ${DEFAULT-VALUE}).")
    double jitter;

    @Option(names = "--api", defaultValue = "http://127.0.0.1:3000", description = "The api= address of the KIN ready"
            + " line; its /fn serves the webhooks (default: ${DEFAULT-VALUE}).")
    String api;

    @Option(names = "--jdbc", required = true, paramLabel = "URL", description = "The postgres= URL of the KIN ready"
            + " line: users are read from it, and its counters give the SQL figures.")
    String jdbc;

    @Option(names = "--db-user", defaultValue = "kin_app", description = "Database role (default: ${DEFAULT-VALUE}).")
    String dbUser;

    @Option(names = "--db-password", defaultValue = "kin_app", description = "Its password (default: ${DEFAULT-VALUE}).")
    String dbPassword;

    @Option(names = "--template", defaultValue = "template.yaml", paramLabel = "FILE", description = "The template the"
            + " runtime runs: routes and the token audience (default: ${DEFAULT-VALUE}).")
    Path template;

    @Option(names = "--state", defaultValue = ".kin", paramLabel = "DIR", description = "The runtime's state directory,"
            + " where its token signing key is (default: ${DEFAULT-VALUE}).")
    Path state;

    @Option(names = "--out", paramLabel = "FILE", description = "The JSON report (default: results/load-<UTC time>.json).")
    Path out;

    @Option(names = "--html", paramLabel = "FILE", description = "The HTML page (default: the JSON report's name, .html).")
    Path html;

    @Option(names = "--random-seed", defaultValue = "1", description = "Seed of users' phases, jitter and choices"
            + " (default: ${DEFAULT-VALUE}).")
    long randomSeed;

    @Override
    public Integer call() throws Exception {
        LoadOptions options = options();
        Clock clock = Clock.systemUTC();
        Path json = out != null ? out : Path.of("results", "load-" + STAMP.format(clock.instant()) + ".json");
        Path page = html != null ? html : json.resolveSibling(json.getFileName().toString().replaceFirst("\\.json$", "")
                + ".html");
        System.out.printf("kin load | %d users x %s, warm-up %s + %s measured + drain up to %s; at most %d requests,"
                + " %d in flight; %s%n", options.users(), options.rate(), DurationText.format(options.warmUp()),
                DurationText.format(options.duration()), DurationText.format(options.drain()), options.maxRequests(),
                options.connections(), options.api());
        LoadReport report = new LoadRun(options, System.out, clock).execute();
        ReportFiles.write(report, json, page);
        System.out.println();
        System.out.print(ConsoleReport.render(report));
        System.out.printf("%nreport: %s%npage:   %s%n", json, page);
        return 0;
    }

    /** Parses and checks every option; an IllegalArgumentException names the option and what is wrong. */
    LoadOptions options() {
        return new LoadOptions(users, Rate.parse(rate), DurationText.parse("--duration", duration),
                DurationText.parse("--warm-up", warmUp), DurationText.parse("--drain", drain), maxRequests, connections,
                jitter, Loopback.httpUrl("--api", api), Loopback.jdbcUrl("--jdbc", jdbc), dbUser, dbPassword, template,
                state, randomSeed, prime);
    }
}
