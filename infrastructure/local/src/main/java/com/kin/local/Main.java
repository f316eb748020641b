package com.kin.local;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./kin}: the local platform's command line. New subcommands (seed, load, bench) are added to the
 * {@code subcommands} list below; the launcher script passes every argument through.
 */
@Command(name = "kin", mixinStandardHelpOptions = true,
        description = "Runs the KIN platform of template.yaml on this machine: no Docker, no AWS account.",
        subcommands = {
            com.kin.local.cli.RunCommand.class,
            com.kin.local.cli.TokenCommand.class,
            com.kin.local.cli.InvokeCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, for {@link #main} and for tests that run a subcommand in-process. */
    public static CommandLine commandLine() {
        return new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((error, command, parsed) -> {
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
