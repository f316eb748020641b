package com.kin.local.lambda;

import java.nio.charset.StandardCharsets;

/** What an invocation returned: the function's response payload, or an error payload and its type. */
public sealed interface InvocationResult {

    byte[] payload();

    record Success(byte[] payload) implements InvocationResult {
    }

    /** {@code errorType} as Lambda reports it: the function's exception class, Runtime.ExitError, Sandbox.Timedout... */
    record Failure(String errorType, byte[] payload) implements InvocationResult {

        /** What Lambda answers when an invocation outlives the function's Timeout. */
        static Failure timedOut(String requestId, int timeoutSeconds) {
            return of("Sandbox.Timedout", java.time.Instant.now() + " " + requestId + " Task timed out after "
                    + timeoutSeconds + ".00 seconds");
        }

        /** What Lambda answers when the runtime process ends during an invocation. */
        static Failure exited(String requestId, int exitCode) {
            return of("Runtime.ExitError", "RequestId: " + requestId + " Error: Runtime exited with error: exit status " + exitCode);
        }

        static Failure of(String errorType, String message) {
            String json = "{\"errorType\":\"" + escape(errorType) + "\",\"errorMessage\":\"" + escape(message) + "\"}";
            return new Failure(errorType, json.getBytes(StandardCharsets.UTF_8));
        }

        private static String escape(String text) {
            return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
        }
    }
}
