package com.kin.bench.scale;

import com.kin.load.data.Scale;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./kin bench scale --jdbc URL [--user U] [--password P] [--invocations N] [--warm-up N] [--out FILE]
 * [--functions a,b]}, or {@code --database DIR --scale 10k|1m} instead of --jdbc: an embedded PostgreSQL kept in DIR,
 * migrated and seeded on first use (see {@link ScaleDatabase}).
 */
record ScaleOptions(String jdbcUrl, String user, String password, Path database, Scale scale, int invocations,
                    int warmUp, Path out, List<String> functions) {

    static final List<String> ALL_FUNCTIONS = List.of("contacts", "search", "calls", "messages", "voicemails",
            "templates", "users");
    private static final String USAGE = "usage: ./kin bench scale (--jdbc URL [--user U] [--password P] | --database DIR"
            + " --scale 10k|1m) [--invocations N] [--warm-up N] [--out FILE] [--functions a,b]";

    ScaleOptions {
        if ((jdbcUrl == null) == (database == null)) {
            throw new IllegalArgumentException("--jdbc or --database - give exactly one; " + USAGE);
        }
        if (database != null && scale == null) {
            throw new IllegalArgumentException("--scale - needed with --database (10k or 1m); " + USAGE);
        }
        if (invocations < 1 || warmUp < 0) {
            throw new IllegalArgumentException("--invocations must be at least 1 and --warm-up at least 0");
        }
        if (!ALL_FUNCTIONS.containsAll(functions)) {
            throw new IllegalArgumentException("--functions - known: " + String.join(",", ALL_FUNCTIONS));
        }
        functions = List.copyOf(functions);
    }

    static ScaleOptions parse(String... args) {
        String jdbc = null;
        String user = "kin_app";
        String password = "kin_app";
        Path database = null;
        Scale scale = null;
        int invocations = 1000;
        int warmUp = 200;
        Path out = null;
        List<String> functions = ALL_FUNCTIONS;
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " - needs a value; " + USAGE);
            }
            String value = args[i + 1];
            switch (name) {
                case "--jdbc" -> jdbc = value;
                case "--user" -> user = value;
                case "--password" -> password = value;
                case "--database" -> database = Path.of(value);
                case "--scale" -> scale = Scale.parse(value);
                case "--invocations" -> invocations = integer(name, value);
                case "--warm-up" -> warmUp = integer(name, value);
                case "--out" -> out = Path.of(value);
                case "--functions" -> functions = Arrays.stream(value.split(",")).map(String::trim)
                        .filter(s -> !s.isEmpty()).toList();
                default -> throw new IllegalArgumentException(name + " - unknown option; " + USAGE);
            }
        }
        return new ScaleOptions(jdbc, user, password, database, scale, invocations, warmUp, out, functions);
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " - not a number: " + value, e);
        }
    }
}
