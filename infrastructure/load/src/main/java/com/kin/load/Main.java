package com.kin.load;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./kin seed|load ...}: the load tools' command line; the launcher script passes every argument through. */
@Command(name = "kin", mixinStandardHelpOptions = true,
        description = "KIN load tools: data generation and traffic against a running platform.",
        subcommands = {com.kin.load.cli.SeedCommand.class, com.kin.load.cli.LoadCommand.class,
            CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setExecutionExceptionHandler((error, command, parsed) -> {
            command.getErr().println("kin " + command.getCommandName() + ": " + describe(error));
            return 1;
        });
    }

    /** The messages of an error and its causes: they name what is wrong and where. */
    static String describe(Throwable error) {
        StringBuilder text = new StringBuilder(String.valueOf(error.getMessage()));
        for (Throwable cause = error.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(System.lineSeparator()).append("  caused by: ").append(cause);
        }
        return text.toString();
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
