package com.kin.bench.coldstart;

import com.kin.bench.floor.FloorQueries;
import com.kin.local.LocalPlatform;
import com.kin.local.LogStream;
import com.kin.local.PlatformOptions;
import com.kin.local.lambda.FunctionEnvironment;
import com.kin.local.lambda.LambdaRuntime;
import com.kin.local.services.LocalServices;
import com.kin.local.template.FunctionSpec;
import com.kin.local.template.LocalStack;
import com.kin.local.template.Template;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ./kin bench coldstart}: for each function, fresh JVMs of the function and of its floor, alternately, each
 * timed from process start to the first response to the function's sample event (SampleEvents); a table of
 * medians and ratios on stdout, the samples in results/coldstart-*.json. The backing services are the local runtime's
 * own (embedded Postgres with the small seed, DynamoDB Local, ElasticMQ); the function logs go to results/*.log.
 */
public final class ColdStartBench {

    private ColdStartBench() {
    }

    public static void main(String[] args) throws Exception {
        ColdStartOptions options;
        try {
            options = ColdStartOptions.parse(List.copyOf(FloorQueries.functions()), args);
        } catch (IllegalArgumentException e) {
            System.err.println("coldstart: " + e.getMessage());
            System.exit(2);
            return;
        }
        String stamp = Instant.now().toString().replace(":", "").replaceAll("\\.\\d+", "");
        Files.createDirectories(options.resultsDirectory());
        Path logFile = options.resultsDirectory().resolve("coldstart-" + stamp + ".log");
        List<ColdStartResult> results = new ArrayList<>();
        try (PrintStream logOut = new PrintStream(Files.newOutputStream(logFile), true)) {
            run(options, new LogStream(logOut), options.classLoad() ? options.resultsDirectory() : null, results);
        } catch (Exception e) {
            // Exit explicitly: DynamoDB Local and ElasticMQ leave non-daemon threads that would keep this JVM alive.
            System.err.println("coldstart: failed (function logs: " + logFile + ")");
            e.printStackTrace();
            if (!results.isEmpty()) {
                // The functions measured before the failure keep their samples (a long run is not thrown away).
                System.err.println("coldstart: the functions completed before the failure:");
                report(options, results, stamp, logFile);
            }
            System.exit(1);
            return;
        }
        report(options, results, stamp, logFile);
        System.exit(0);
    }

    private static void report(ColdStartOptions options, List<ColdStartResult> results, String stamp, Path logFile)
            throws java.io.IOException {
        ColdStartReport report = new ColdStartReport(options, results, Instant.now());
        System.out.print(report.table());
        Path json = options.resultsDirectory().resolve("coldstart-" + stamp + ".json");
        Files.writeString(json, report.json());
        System.out.println("samples: " + json + "   function logs: " + logFile);
    }

    /** Measures every function of {@code options}, adding each one's result to {@code results} as it completes. */
    static void run(ColdStartOptions options, LogStream log, Path diagnostics, List<ColdStartResult> results)
            throws Exception {
        // The gateway only serves the function URLs the template's variables point at (calls' status callback, for
        // one); no sample goes through it.
        PlatformOptions platformOptions = new PlatformOptions(options.template(), Path.of(".kin"), null, 0,
                PlatformOptions.Seed.SMALL, false, 1, Map.of(), true, false);
        try (LocalPlatform platform = LocalPlatform.start(platformOptions, log, Clock.systemUTC());
             ColdStartRunner runner = new ColdStartRunner(LambdaRuntime.start(2, log),
                     platform.services().dynamoDbEndpoint(), diagnostics)) {
            LocalServices services = platform.services();
            LocalStack stack = LocalStack.of(Template.read(options.template()), Map.of())
                    .withEndpoints(services.sqsEndpoint(), services.gatewayUrl());
            for (String name : options.functions()) {
                results.add(measure(options, runner, stack, services, name));
            }
        }
    }

    private static ColdStartResult measure(ColdStartOptions options, ColdStartRunner runner, LocalStack stack,
                                           LocalServices services, String name) throws Exception {
        FunctionSpec function = find(stack, name);
        Map<String, String> environment = FunctionEnvironment.of(function, stack.resolver(), services);
        ColdStartTarget real = new ColdStartTarget("function", function, environment);
        ColdStartTarget floor = ColdStartTarget.floorOf(name, function, environment);
        byte[] event = SampleEvents.get(options.template().toAbsolutePath().getParent().resolve("events"), name, services);
        ColdStartResult result = ColdStartResult.empty(name);
        for (int run = 0; run < options.runs(); run++) {
            // Alternate which goes first, so that neither always follows the other's page-cache and CPU aftermath.
            List<ColdStartTarget> order = run % 2 == 0 ? List.of(real, floor) : List.of(floor, real);
            for (ColdStartTarget target : order) {
                ColdStartRunner.Sample sample = runner.measure(target, event, name + "-" + target.label() + "-" + run);
                boolean isFloor = target == floor;
                (isFloor ? result.floorMs() : result.functionMs()).add(sample.millis());
                (isFloor ? result.floorClasses() : result.functionClasses()).add(sample.classesLoaded());
                System.err.printf("coldstart | %s %s run %d: %.0f ms%n", name, target.label(), run + 1, sample.millis());
            }
        }
        return result;
    }

    private static FunctionSpec find(LocalStack stack, String name) {
        if (FloorQueries.of(name).isEmpty()) {
            throw new IllegalArgumentException("coldstart - no floor for " + name + "; functions with one: "
                    + FloorQueries.functions());
        }
        String logicalId = name.replace("-", "") + "Function";
        return stack.functions().stream().filter(f -> f.logicalId().equalsIgnoreCase(logicalId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("coldstart - no function " + logicalId + " in the template"));
    }
}
