package com.kin.local.template;

import java.util.List;
import java.util.Map;

/** An {@code AWS::Serverless::HttpApi}: its CORS configuration and JWT authorizers. */
public record HttpApiSpec(String logicalId, Cors cors, String defaultAuthorizer, Map<String, JwtAuthorizer> authorizers) {

    /** The API SAM creates when an HttpApi event names no ApiId: no CORS, no authorizer. */
    public static HttpApiSpec implicit() {
        return new HttpApiSpec(LocalStack.IMPLICIT_HTTP_API, null, null, Map.of());
    }

    /** {@code CorsConfiguration}; lists are as configured, {@code *} included. */
    public record Cors(List<String> allowOrigins, List<String> allowMethods, List<String> allowHeaders,
                       List<String> exposeHeaders, Integer maxAge, boolean allowCredentials) {
    }

    /** A JWT authorizer: where the token is read and what issuer and audiences it must carry. */
    public record JwtAuthorizer(String name, String identitySource, String issuer, List<String> audience) {
    }
}
