package com.kin.local.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options every subcommand shares: which template, where the runtime keeps its state, parameter overrides. */
final class CommonOptions {

    @Option(names = "--template", defaultValue = "template.yaml", paramLabel = "FILE",
            description = "The SAM template to run (default: ${DEFAULT-VALUE}).")
    Path template;

    @Option(names = "--state", defaultValue = ".kin", paramLabel = "DIR",
            description = "Where the runtime keeps its token signing key (default: ${DEFAULT-VALUE}).")
    Path state;

    @Option(names = "--parameter", paramLabel = "NAME=VALUE",
            description = "Overrides a template parameter's Default; repeatable.")
    Map<String, String> parameters = new LinkedHashMap<>();
}
