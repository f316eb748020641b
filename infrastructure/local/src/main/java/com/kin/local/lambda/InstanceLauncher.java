package com.kin.local.lambda;

import com.kin.local.lambda.TaskRoots.TaskRoot;
import com.kin.local.template.FunctionSpec;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.function.Function;

/** Starts the JVMs of one function: its current code, a Runtime API address of their own, their log on the stream. */
final class InstanceLauncher {

    private final FunctionSpec function;
    private final Map<String, String> environment;
    private final PoolInfrastructure infrastructure;

    InstanceLauncher(FunctionSpec function, Map<String, String> environment, PoolInfrastructure infrastructure) {
        this.function = function;
        this.environment = Map.copyOf(environment);
        this.infrastructure = infrastructure;
    }

    FunctionInstance launch(String id, Condition handoff,
                            Function<FunctionInstance, RuntimeApiServer.ExecutionEnvironment> binding) throws IOException {
        TaskRoot root = infrastructure.taskRoots().current(function);
        FunctionInstance instance = new FunctionInstance(id, root.version(), handoff);
        String runtimeApi = infrastructure.runtimeApi().register(id, binding.apply(instance));
        try {
            Process process = infrastructure.launcher().start(function, environment, runtimeApi, root.directory(), id);
            instance.attach(process);
            infrastructure.log().pump(id, process.getInputStream());
            return instance;
        } catch (IOException e) {
            infrastructure.runtimeApi().unregister(id);
            throw e;
        }
    }

    /** True when the function's jar was rebuilt since the instance started; a jar missing mid-rebuild is not. */
    boolean isStale(FunctionInstance instance) {
        String current = infrastructure.taskRoots().currentVersion(function);
        return current != null && !current.equals(instance.codeVersion());
    }
}
