package com.kin.load.traffic;

import com.kin.load.report.LoadReport;
import com.kin.load.report.Recorder;
import com.kin.load.report.ReportBuilder;
import com.kin.load.report.SqlCounters;
import com.kin.load.traffic.mix.Action;
import com.kin.load.traffic.mix.ActionMix;
import com.kin.load.traffic.mix.Mixes;
import com.kin.load.traffic.mix.Session;
import com.kin.load.traffic.mix.Twilio;
import com.kin.local.auth.JwtAudience;
import com.kin.local.auth.LocalIdentity;
import com.kin.local.auth.LocalUser;
import com.kin.local.auth.SigningKeys;
import com.kin.local.template.LocalStack;
import com.kin.local.template.Template;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One {@code ./kin load} run: checks the mix against the template, signs a token per virtual user for users of the
 * database, runs the warm-up (not counted) and the measured phase, waits for the answers (the drain), and builds the
 * report with Postgres's counters read around the measured window.
 */
public final class LoadRun {

    /** The collector publishes counters up to half a second late; reading a second after the run sees them. */
    private static final Duration STATS_DELAY = Duration.ofSeconds(1);

    private final LoadOptions options;
    private final PrintStream progress;
    private final Clock clock;

    public LoadRun(LoadOptions options, PrintStream progress, Clock clock) {
        this.options = options;
        this.progress = progress;
        this.clock = clock;
    }

    public LoadReport execute() throws Exception {
        LocalStack stack = LocalStack.of(Template.read(options.template()), Map.of());
        String audience = JwtAudience.of(stack).orElseThrow(() -> new IllegalStateException(
                "load - " + options.template() + " has no JWT authorizer to sign tokens for"));
        try (Connection database = connect()) {
            List<Session> sessions = sessions(database, audience);
            List<ActionMix> mixes = sessions.stream().map(session -> Mixes.forRole(session.role())).toList();
            List<Action> actions = new ArrayList<>();
            mixes.forEach(mix -> actions.addAll(mix.allActions()));
            RouteCheck.require(stack, actions);
            HttpClient client = Dispatcher.newClient();
            Preflight.check(client, options.api(), sessions.get(0).token(), options.state().toString());
            return measure(database, sessions, mixes, client);
        }
    }

    private Connection connect() {
        try {
            return DriverManager.getConnection(options.jdbcUrl(), options.dbUser(), options.dbPassword());
        } catch (SQLException e) {
            throw new IllegalStateException("load - cannot connect to " + options.jdbcUrl() + " as " + options.dbUser()
                    + ": pass the postgres= URL of the KIN ready line of a running ./kin run", e);
        }
    }

    private List<Session> sessions(Connection database, String audience) throws Exception {
        List<LocalUser> assigned = Accounts.assign(Accounts.read(database), options.users());
        List<String> numbers = Accounts.ourNumbers(database);
        if (numbers.isEmpty()) {
            throw new IllegalStateException("load - the phone_numbers table is empty: inbound calls and SMS need one of our"
                    + " numbers to dial; run ./kin run with --seed small, or insert a row (number, department)");
        }
        Twilio twilio = new Twilio(options.api(), numbers);
        LocalIdentity identity = new LocalIdentity(SigningKeys.loadOrCreate(options.state()), clock);
        Duration lifetime = options.warmUp().plus(options.duration()).plus(options.drain()).plus(Duration.ofHours(1));
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < assigned.size(); i++) {
            // Every virtual user signs in on its own: its own token, even when it shares a user with another.
            String token = identity.issue(assigned.get(i), audience, lifetime);
            sessions.add(new Session(i, assigned.get(i), token, options.randomSeed() * 1_000_003L + i, twilio));
        }
        return sessions;
    }

    private LoadReport measure(Connection database, List<Session> sessions, List<ActionMix> mixes, HttpClient client)
            throws Exception {
        InFlightLimit limit = new InFlightLimit(options.connections());
        Dispatcher dispatcher = new Dispatcher(client, options.api(), limit);
        Scheduler scheduler = new Scheduler(sessions, mixes, dispatcher, options.rate(), options.jitter(),
                options.maxRequests());
        if (options.prime()) {
            Priming.prime(dispatcher, sessions, mixes, progress);
        }
        double loadBefore = loadAverage();
        Instant started = clock.instant();
        if (!options.warmUp().isZero()) {
            progress.printf("kin load | warm-up: %s, not counted%n", DurationText.format(options.warmUp()));
            scheduler.run(options.warmUp(), new Recorder(System.nanoTime()));
        }
        limit.resetMax();
        SqlCounters.Snapshot before = SqlCounters.read(database);
        Recorder recorder = new Recorder(System.nanoTime());
        ReportBuilder.PhaseFacts facts = measured(scheduler, limit, recorder, sessions.size());
        Thread.sleep(STATS_DELAY.toMillis());
        SqlCounters.Snapshot after = SqlCounters.read(database);
        if (dispatcher.unreadable() > 0) {
            progress.printf("kin load | %d successful answers could not be read (ids not learned from them)%n",
                    dispatcher.unreadable());
        }
        LoadReport.Run run = run(started, sessions, mixes, loadBefore);
        return ReportBuilder.build(run, recorder, facts, options.rate().perMinute(), SqlCounters.between(before, after),
                FunctionProcesses.ofThisMachine().memory());
    }

    /** The measured phase, then the drain: what is still open when it ends is counted as unfinished. */
    private ReportBuilder.PhaseFacts measured(Scheduler scheduler, InFlightLimit limit, Recorder recorder, int users)
            throws InterruptedException {
        progress.printf("kin load | measuring: %d users x %s for %s%n", users, options.rate(),
                DurationText.format(options.duration()));
        Scheduler.PhaseResult phase = scheduler.run(options.duration(), recorder);
        limit.awaitIdle(System.nanoTime() + options.drain().toNanos());
        long end = System.nanoTime();
        recorder.close(limit.close());
        return new ReportBuilder.PhaseFacts(phase.planned(), phase.notSent(), limit.maxInFlight(),
                options.duration().toNanos() / 1e9, (end - recorder.origin()) / 1e9);
    }

    private LoadReport.Run run(Instant started, List<Session> sessions, List<ActionMix> mixes, double loadBefore) {
        Map<String, Integer> byRole = new TreeMap<>();
        Map<String, Map<String, Double>> mixByRole = new TreeMap<>();
        for (int i = 0; i < sessions.size(); i++) {
            byRole.merge(sessions.get(i).role(), 1, Integer::sum);
            mixByRole.putIfAbsent(sessions.get(i).role(), mixes.get(i).shares());
        }
        long accounts = sessions.stream().map(session -> session.user().id()).distinct().count();
        LoadReport.Machine machine = new LoadReport.Machine(Runtime.getRuntime().availableProcessors(), loadBefore,
                loadAverage(), System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version"));
        String method = "open model: each user's requests on a fixed grid at its rate, each moved by up to "
                + options.jitter() / 2 + " of an interval, sent without waiting for earlier answers; latency from the"
                + " intended start (tool-side waiting included: no coordinated omission); HTTP/1.1, at most "
                + options.connections() + " requests in flight";
        return new LoadReport.Run(started.toString(), clock.instant().toString(), sessions.size(), byRole, (int) accounts,
                options.rate().toString(), DurationText.format(options.duration()), DurationText.format(options.warmUp()),
                DurationText.format(options.drain()), options.maxRequests(), options.connections(), options.jitter(),
                options.api().toString(), options.randomSeed(), mixByRole, machine, method);
    }

    private static double loadAverage() {
        return Math.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() * 100) / 100.0;
    }
}
