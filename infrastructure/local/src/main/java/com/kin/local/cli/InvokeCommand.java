package com.kin.local.cli;

import com.kin.local.LocalPlatform;
import com.kin.local.LogStream;
import com.kin.local.PlatformOptions;
import com.kin.local.lambda.FunctionPool;
import com.kin.local.lambda.InvocationResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "invoke", description = "Invoke one function with one event and print its response (logs go to stderr).")
public final class InvokeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "FUNCTION", description = "Logical id (ContactsFunction) or short name (contacts).")
    String function;

    @Option(names = {"-e", "--event"}, required = true, paramLabel = "FILE", description = "The event, e.g. events/contacts/list.json.")
    Path event;

    @Option(names = "--data", paramLabel = "DIR", description = "Use the database kept in DIR (see run --data).")
    Path data;

    @Option(names = "--seed", defaultValue = "small", description = "Demo data: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    PlatformOptions.Seed seed;

    @Override
    public Integer call() throws Exception {
        byte[] payload = Files.readAllBytes(event);
        LibraryLogging.quiet(System.err);
        LogStream log = new LogStream(System.err);
        PlatformOptions options = new PlatformOptions(common.template, common.state, data, 0, seed, false, 1,
                common.parameters, false, false);
        try (LocalPlatform platform = LocalPlatform.start(options, log, Clock.systemUTC())) {
            FunctionPool pool = platform.function(function).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "no function " + function + " in " + common.template + "; functions: " + platform.functionNames()));
            InvocationResult result = pool.invoke(payload).result().get();
            System.out.println(new String(result.payload(), StandardCharsets.UTF_8));
            return result instanceof InvocationResult.Failure ? 1 : 0;
        }
    }
}
