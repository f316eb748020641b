package com.kin.local.lambda;

import com.kin.local.template.LocalStack;

/** The Runtime API's view of one instance of a pool. */
final class InstanceBinding implements RuntimeApiServer.ExecutionEnvironment {

    private final FunctionPool pool;
    private final FunctionInstance instance;

    InstanceBinding(FunctionPool pool, FunctionInstance instance) {
        this.pool = pool;
        this.instance = instance;
    }

    @Override
    public Invocation next() throws InterruptedException {
        return pool.next(instance);
    }

    @Override
    public boolean complete(String requestId, InvocationResult result) {
        return pool.complete(instance, requestId, result);
    }

    @Override
    public void initFailed(InvocationResult.Failure error) {
        pool.initFailed(instance, error);
    }

    @Override
    public String functionArn() {
        return LocalStack.arn("lambda", "function:" + pool.function().functionName());
    }
}
