package com.kin.testing;

import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A WireMock extension that runs a test's action while WireMock holds a request, before it answers: what happens
 * elsewhere while Twilio is still working on a create (its status callback overtaking its answer, say). Register it with
 * {@code options().extensions(beforeAnswer)}, name it on a stub with {@code .withTransformers(BeforeAnswer.NAME)}, and
 * set the action with {@link #run}; each action runs once, on the first request the stub matches after it was set.
 */
public final class BeforeAnswer implements ResponseTransformerV2 {

    public static final String NAME = "kin-before-answer";

    private final AtomicReference<Runnable> next = new AtomicReference<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    /** Runs {@code action} before the next answer of a stub with this transformer. */
    public void run(Runnable action) {
        next.set(action);
    }

    @Override
    public Response transform(Response response, ServeEvent serveEvent) {
        Runnable action = next.getAndSet(null);
        if (action != null) {
            try {
                action.run();
            } catch (RuntimeException e) {
                // WireMock would only answer 500; keep the cause for the test to rethrow.
                failure.set(e);
            }
        }
        return response;
    }

    /** Throws what the last action threw, if it threw; a test calls it after the request it held. */
    public void rethrow() {
        RuntimeException thrown = failure.getAndSet(null);
        if (thrown != null) {
            throw thrown;
        }
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }
}
