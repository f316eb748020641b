package com.kin.migrate;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** PUTs the answer to the pre-signed S3 URL CloudFormation gave; retried, as a lost answer stalls the whole deploy. */
@Singleton
public class CustomResourceResponder {

    private static final int ATTEMPTS = 3;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public CustomResourceResponder(JsonMapper json) {
        this.json = json;
    }

    public void send(String responseUrl, CustomResourceResponse response) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(responseUrl))
                .timeout(TIMEOUT)
                // The URL is signed for an empty content type: any other value makes S3 answer 403.
                .header("Content-Type", "")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body(response)))
                .build();
        IOException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() / 100 == 2) {
                    return;
                }
                last = new IOException("HTTP " + answer.statusCode() + ": " + answer.body());
            } catch (IOException e) {
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("migrate - interrupted while answering CloudFormation", e);
            }
        }
        throw new IllegalStateException("migrate - failed to answer CloudFormation after " + ATTEMPTS + " attempts", last);
    }

    private byte[] body(CustomResourceResponse response) {
        try {
            return json.writeValueAsBytes(response);
        } catch (IOException e) {
            throw new IllegalStateException("migrate - failed to write the CloudFormation response", e);
        }
    }
}
