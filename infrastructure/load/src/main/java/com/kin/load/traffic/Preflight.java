package com.kin.load.traffic;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One request before the run, so that a wrong address or a token the gateway rejects fails at once with a sentence
 * instead of a report full of errors. It may pay the users function's cold start, hence the long timeout.
 */
final class Preflight {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private Preflight() {
    }

    static void check(HttpClient client, URI api, String token, String stateDirectory) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.toString().replaceAll("/+$", "") + "/api/users/me"))
                .timeout(TIMEOUT).header("authorization", "Bearer " + token).GET().build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new IllegalStateException("load - nothing answers at " + api + ": start the platform with ./kin run and"
                    + " pass the api= address of its KIN ready line as --api", e);
        } catch (IOException e) {
            throw new IllegalStateException("load - GET /api/users/me at " + api + " failed", e);
        }
        if (response.statusCode() == 401) {
            throw new IllegalStateException("load - the gateway at " + api + " rejected a token signed with the key in "
                    + stateDirectory + "; run ./kin load from the directory ./kin run was started in, or pass its --state");
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("load - GET /api/users/me answered " + response.statusCode() + ": "
                    + response.body());
        }
    }
}
