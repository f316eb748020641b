package com.kin.idempotency;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.kin.core.error.BadRequestError;
import com.kin.core.error.ConflictError;
import com.kin.core.error.OutcomeNotRecordedError;
import com.kin.core.error.UnprocessableError;
import com.kin.core.web.LambdaRequests;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.runtime.ApplicationConfiguration;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.web.router.RouteAttributes;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes every POST that carries an {@code Idempotency-Key} safe to retry: the first attempt runs and its answer is kept; a
 * retry with the same key and body gets that answer again ({@code idempotent-replayed: true}) without the work running
 * twice; the same key with another body is a 422; a retry while the first attempt still runs is a 409. Keys are scoped to
 * the function and the caller, so two users cannot collide.
 *
 * <p>Every answer is final and kept, except KIN's own faults that left nothing done: a 500 (a bug, a database error)
 * or a 503 (the database or this store unreachable) releases the key, so a retry runs again. A 502 or 504 from Twilio
 * is kept: Twilio may have sent the SMS or placed the call all the same, so running again could do it twice. So is an
 * {@link OutcomeNotRecordedError}, a 500 raised after the outside work was done.
 */
@ServerFilter("/api/**")
public final class IdempotencyFilter {

    public static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "idempotent-replayed";
    private static final String ATTRIBUTE = "kin.idempotency.key";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final IdempotencyStore store;
    private final ResponseCapture capture;
    private final String functionName;

    public IdempotencyFilter(IdempotencyStore store, ResponseCapture capture, ApplicationConfiguration application) {
        this.store = store;
        this.capture = capture;
        this.functionName = application.getName().orElseThrow(() -> new IllegalStateException(
                "micronaut.application.name - is not set; idempotency keys are scoped by function name"));
    }

    @RequestFilter
    @Nullable
    public HttpResponse<?> beforeRequest(HttpRequest<?> request) {
        String key = request.getHeaders().get(HEADER);
        if (key == null || request.getMethod() != HttpMethod.POST) {
            return null;
        }
        if (!VALID_KEY.matcher(key).matches()) {
            throw BadRequestError.field(HEADER, "must be 1 to 255 visible ASCII characters");
        }
        String subject = LambdaRequests.jwtClaims(request).get("sub");
        if (subject == null) {
            return null; // the route answers 401 before any work runs
        }
        String recordKey = recordKey(subject, key);
        String fingerprint = RequestFingerprint.of(request.getMethodName(), request.getPath(), body(request));
        if (store.claim(recordKey, fingerprint)) {
            request.setAttribute(ATTRIBUTE, recordKey);
            return null;
        }
        return replay(recordKey, fingerprint);
    }

    @ResponseFilter
    public void afterResponse(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Optional<String> recordKey = request.getAttribute(ATTRIBUTE, String.class);
        if (recordKey.isEmpty()) {
            return;
        }
        if (rerunnable(response)) {
            store.release(recordKey.get());
            return;
        }
        try {
            store.complete(recordKey.get(), capture.capture(response));
        } catch (RuntimeException e) {
            // The work is done and its answer goes out; only a retry's replay is lost, so free the key rather than fail.
            LOG.warn("idempotency - could not save the result for a key; releasing it", e);
            store.release(recordKey.get());
        }
    }

    /** Whether the attempt failed in a way that did nothing outside KIN and rolled back inside it, so a retry may run. */
    static boolean rerunnable(MutableHttpResponse<?> response) {
        int code = response.code();
        if (code != 500 && code != 503) {
            return false;
        }
        return !(RouteAttributes.getException(response).orElse(null) instanceof OutcomeNotRecordedError);
    }

    /** The store key of a client's key: scoped to this function and the caller. */
    String recordKey(String subject, String key) {
        return "idem#" + functionName + "#" + subject + "#" + key;
    }

    private HttpResponse<?> replay(String recordKey, String fingerprint) {
        IdempotencyRecord record = store.find(recordKey)
                .orElseThrow(() -> new ConflictError("idempotency - the key was released while being read; retry"));
        if (!record.fingerprint().equals(fingerprint)) {
            throw new UnprocessableError("idempotency - this Idempotency-Key was used with a different request body");
        }
        if (!record.completed()) {
            throw new ConflictError("idempotency - a request with this Idempotency-Key is still running; retry shortly");
        }
        return capture.replay(record.response()).header(REPLAYED, "true");
    }

    private static String body(HttpRequest<?> request) {
        return LambdaRequests.event(request).map(IdempotencyFilter::decodedBody).orElse("");
    }

    private static String decodedBody(APIGatewayV2HTTPEvent event) {
        String body = event.getBody() == null ? "" : event.getBody();
        return event.getIsBase64Encoded() ? new String(java.util.Base64.getDecoder().decode(body),
                java.nio.charset.StandardCharsets.UTF_8) : body;
    }
}
