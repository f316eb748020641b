package com.kin.bench.floor;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.Map;

/**
 * The cold-start floor: what the function's first request costs with no framework at all. It does the
 * {@link FloorWork} of {@link FloorQueries} for the function named by FLOOR_FUNCTION (plain PgJDBC with the
 * repository's SQL, or the JDK's HTTP client), with Jackson for the body. It runs under the same runtime interface
 * client, JVM flags and environment as the real function.
 */
public final class FloorHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        FloorRequest request = FloorRequest.of(event);
        String function = request.env("FLOOR_FUNCTION");
        FloorWork work = FloorQueries.of(function)
                .orElseThrow(() -> new IllegalStateException("floor - no floor for function " + function));
        try {
            FloorWork.Result result = work.run(request);
            return APIGatewayV2HTTPResponse.builder().withStatusCode(result.status())
                    .withHeaders(Map.of("Content-Type", "application/json")).withBody(result.body()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("floor - interrupted while answering for " + function, e);
        } catch (Exception e) {
            throw new IllegalStateException("floor - failed to answer for " + function + " " + event.getRawPath()
                    + ": " + e, e);
        }
    }
}
