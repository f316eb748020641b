package com.kin.idempotency;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns a response into what the store keeps, and back. Only headers a client acts on are kept. */
@Singleton
final class ResponseCapture {

    private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.ETAG, HttpHeaders.LOCATION);

    private final JsonMapper json;

    ResponseCapture(JsonMapper json) {
        this.json = json;
    }

    StoredResponse capture(MutableHttpResponse<?> response) {
        Map<String, String> headers = new LinkedHashMap<>();
        KEPT_HEADERS.forEach(name -> response.getHeaders().getFirst(name).ifPresent(value -> headers.put(name, value)));
        byte[] body;
        try {
            body = response.getBody().isPresent() ? json.writeValueAsBytes(response.getBody().get()) : new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException("idempotency - cannot serialise the response to keep it", e);
        }
        String type = response.getContentType().map(Object::toString).orElse(body.length > 0 ? "application/json" : null);
        return new StoredResponse(response.code(), type, headers, body);
    }

    MutableHttpResponse<?> replay(StoredResponse stored) {
        MutableHttpResponse<byte[]> response = HttpResponse.status(HttpStatus.valueOf(stored.status()));
        stored.headers().forEach(response::header);
        if (stored.body().length > 0) {
            response.body(stored.body());
            if (stored.contentType() != null) {
                response.contentType(stored.contentType());
            }
        }
        return response;
    }
}
