package com.kin.bench.scale;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.kin.calls.CallsHandler;
import com.kin.contacts.ContactsHandler;
import com.kin.messages.MessagesHandler;
import com.kin.search.SearchHandler;
import com.kin.templates.TemplatesHandler;
import com.kin.users.UsersHandler;
import com.kin.voicemails.VoicemailsHandler;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code ./kin bench scale}: every list, filter and search route, uncached, in-process, over a seeded database (issue 8:
 * at 1m rows each answers in at most 20 ms at p99, and none slows down more than 2x from 10k). Each function's real
 * handler starts over the database (see {@link ScaleFunction}); the routes and their parameters come from
 * {@link ScaleRoutes} and {@link ScaleData}; {@link RouteRunner} measures. Exit status 1 when any route failed.
 * Not a timed test: a tool, whose figures go to docs/PERFORMANCE.md.
 */
public final class ScaleBench {

    private static final Map<String, Function<ApplicationContext,
            RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>>> HANDLERS = Map.of(
            "contacts", ContactsHandler::new, "search", SearchHandler::new, "calls", CallsHandler::new,
            "messages", MessagesHandler::new, "voicemails", VoicemailsHandler::new,
            "templates", TemplatesHandler::new, "users", UsersHandler::new);

    private ScaleBench() {
    }

    public static void main(String[] args) {
        ScaleOptions options;
        try {
            options = ScaleOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("scale bench - " + e.getMessage());
            System.exit(2);
            return;
        }
        List<ScaleResult> results = run(options);
        System.exit(results.stream().allMatch(ScaleResult::ok) ? 0 : 1);
    }

    /** Measures every route of {@code options.functions()}; prints the table and writes the JSON. */
    static List<ScaleResult> run(ScaleOptions options) {
        if (options.database() == null) {
            return measure(options, new ScaleFunction.Target(options.jdbcUrl(), options.user(), options.password()),
                    options.jdbcUrl());
        }
        try (ScaleDatabase database = ScaleDatabase.open(options.database(), options.scale())) {
            return measure(options, new ScaleFunction.Target(database.jdbcUrl(), database.user(), database.password()),
                    options.database() + " (" + options.scale().label() + ")");
        }
    }

    private static List<ScaleResult> measure(ScaleOptions options, ScaleFunction.Target target, String label) {
        ScaleData data = ScaleData.read(target);
        System.err.println("scale bench | parameters: " + data);
        List<ScaleRoute> routes = ScaleRoutes.all(data, Instant.now());
        RouteRunner runner = new RouteRunner(options.warmUp(), options.invocations());
        List<ScaleResult> results = new ArrayList<>();
        for (String name : options.functions()) {
            try (ScaleFunction function = ScaleFunction.start(name, target, HANDLERS.get(name))) {
                for (ScaleRoute route : routes.stream().filter(r -> r.function().equals(name)).toList()) {
                    results.add(measured(runner, function, route));
                    if (ScaleRoutes.pagedFurther(route)) {
                        RouteRunner.secondPage(function, route).ifPresent(next ->
                                results.add(measured(runner, function, next)));
                    }
                }
            }
        }
        ScaleReport report = new ScaleReport(label, options, results);
        report.print(System.out);
        Instant finished = Instant.now();
        Path out = options.out() != null ? options.out() : Path.of("results", "scale-"
                + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(finished) + ".json");
        report.write(out, finished);
        System.err.println("scale bench | results written to " + out + "; load average " + ScaleReport.loadAverage());
        return results;
    }

    private static ScaleResult measured(RouteRunner runner, ScaleFunction function, ScaleRoute route) {
        ScaleResult result = runner.run(function, route);
        System.err.printf("scale bench | %-40s %-50s p50 %7.2f  p99 %7.2f ms  %s%n", route.route(), route.variant(),
                result.p50(), result.p99(), result.ok() ? "" : "FAILED " + result.failure());
        return result;
    }
}
