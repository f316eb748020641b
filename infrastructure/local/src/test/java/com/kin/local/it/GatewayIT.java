package com.kin.local.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.kin.local.auth.LocalIdentity;
import com.kin.local.auth.LocalUser;
import com.kin.local.auth.SigningKeys;
import com.kin.local.seed.SeedUsers;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The HTTP API and function URLs over real HTTP: authorizer, routing, payload 2.0 both ways, CORS. */
@ExtendWith(FixtureStackExtension.class)
class GatewayIT {

    private final FixtureStack stack;

    GatewayIT(FixtureStack stack) {
        this.stack = stack;
    }

    @Test
    void authorisedCall_reachesTheFunctionWithClaimsQueryAndCookies() throws Exception {
        HttpResponse<String> response = stack.get("/echo?x=1&x=2&name=a%20b", "authorization",
                "Bearer " + stack.token("agent1@kin.local"), "cookie", "a=1; b=2", "X-Custom", "v");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode echo = FixtureStack.json(response);
        assertThat(echo.path("routeKey").asText()).isEqualTo("GET /echo");
        assertThat(echo.path("rawQueryString").asText()).isEqualTo("x=1&x=2&name=a%20b");
        assertThat(echo.path("queryStringParameters").path("x").asText()).isEqualTo("1,2");
        assertThat(echo.path("queryStringParameters").path("name").asText()).isEqualTo("a b");
        assertThat(echo.path("headers").path("x-custom").asText()).isEqualTo("v");
        assertThat(echo.path("headers").has("cookie")).isFalse();
        assertThat(echo.path("cookies").toString()).isEqualTo("[\"a=1\",\"b=2\"]");
        JsonNode claims = echo.path("claims");
        assertThat(claims.path("sub").asText()).isEqualTo(SeedUsers.byEmail("agent1@kin.local").orElseThrow().id().toString());
        assertThat(claims.path("email").asText()).isEqualTo("agent1@kin.local");
        assertThat(claims.path("role").asText()).isEqualTo("agent");
        assertThat(claims.path("department").asText()).isEqualTo("sales");
        assertThat(claims.path("iss").asText()).isEqualTo(LocalIdentity.ISSUER);
        assertThat(claims.path("exp").asText()).matches("[0-9]+");
    }

    @Test
    void missingToken_isAnswered401ByTheGateway() throws Exception {
        HttpResponse<String> response = stack.get("/echo");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
    }

    @Test
    void tokenSignedByAnotherKey_isAnswered401() throws Exception {
        LocalIdentity stranger = new LocalIdentity(SigningKeys.loadOrCreate(Files.createTempDirectory("stranger")),
                Clock.systemUTC());
        String token = stranger.issue(SeedUsers.byEmail("admin@kin.local").orElseThrow(), "kin-it", Duration.ofHours(1));

        HttpResponse<String> response = stack.get("/echo", "authorization", "Bearer " + token);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("www-authenticate")).hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
    }

    @Test
    void expiredToken_isAnswered401() throws Exception {
        Clock twoHoursAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
        String token = new LocalIdentity(stack.identity.key(), twoHoursAgo)
                .issue(SeedUsers.byEmail("admin@kin.local").orElseThrow(), "kin-it", Duration.ofHours(1));

        assertThat(stack.get("/echo", "authorization", "Bearer " + token).statusCode()).isEqualTo(401);
    }

    @Test
    void tokenForAnotherAudience_isAnswered401() throws Exception {
        String token = stack.identity.issue(SeedUsers.byEmail("admin@kin.local").orElseThrow(), "someone-else",
                Duration.ofHours(1));

        assertThat(stack.get("/echo", "authorization", "Bearer " + token).statusCode()).isEqualTo(401);
    }

    @Test
    void tokenFromAnotherIssuer_isAnswered401() throws Exception {
        // The template's own Cognito issuer: locally the runtime's issuer replaces it, so the pool's tokens are foreign.
        String cognito = signedToken("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_EXAMPLE");
        String local = signedToken(LocalIdentity.ISSUER);

        HttpResponse<String> foreign = stack.get("/echo", "authorization", "Bearer " + cognito);

        assertThat(foreign.statusCode()).isEqualTo(401);
        assertThat(foreign.body()).isEqualTo("{\"message\":\"Unauthorized\"}");
        assertThat(stack.get("/echo", "authorization", "Bearer " + local).statusCode())
                .as("the same token with the local issuer").isEqualTo(200);
    }

    @Test
    void functionSlowerThanTheIntegrationTimeout_isAnswered503AsApiGatewayDoes() throws Exception {
        // LongFunction's Timeout (60 s) is longer than the gateway's integration timeout: the gateway gives up first.
        long sleepMs = FixtureStack.INTEGRATION_TIMEOUT.toMillis() + 5_000;

        HttpResponse<String> response = stack.authorizedGet("/long?sleepMs=" + sleepMs);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("{\"message\":\"Service Unavailable\"}");
        assertThat(stack.log.lines()).anySatisfy(line -> assertThat(line)
                .contains("LongFunction", "(integration timeout) - 503"));
    }

    @Test
    void openRoute_needsNoTokenAndGetsItsGreedyPath() throws Exception {
        HttpResponse<String> response = stack.get("/open/a/b%20c");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode echo = FixtureStack.json(response);
        assertThat(echo.path("pathParameters").path("proxy").asText()).isEqualTo("a/b c");
        assertThat(echo.path("routeKey").asText()).isEqualTo("ANY /open/{proxy+}");
        assertThat(echo.path("claims").isNull()).isTrue();
    }

    @Test
    void pathParameter_isPassedToTheFunction() throws Exception {
        JsonNode echo = FixtureStack.json(stack.authorizedGet("/items/42"));

        assertThat(echo.path("pathParameters").path("id").asText()).isEqualTo("42");
        assertThat(echo.path("routeKey").asText()).isEqualTo("GET /items/{id}");
    }

    @Test
    void unknownRoute_is404() throws Exception {
        assertThat(stack.get("/nowhere").statusCode()).isEqualTo(404);
    }

    @Test
    void responseFields_areMappedBackToHttp() throws Exception {
        HttpResponse<String> response = stack.authorizedGet("/echo?status=201&base64");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("x-echo")).hasValue("yes");
        assertThat(response.headers().allValues("x-multi")).containsExactly("one,two");
        assertThat(response.headers().allValues("x-ignored")).isEmpty();
        assertThat(response.headers().allValues("set-cookie")).containsExactly("session=abc; Path=/", "theme=dark");
        assertThat(FixtureStack.json(response).path("rawPath").asText()).isEqualTo("/echo");
    }

    @Test
    void binaryRequestBody_arrivesBase64Encoded() throws Exception {
        byte[] bytes = {0, 1, 2, (byte) 0xff};
        HttpRequest request = HttpRequest.newBuilder(stack.uri("/echo"))
                .header("authorization", "Bearer " + stack.token("agent2@kin.local"))
                .header("content-type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();

        JsonNode echo = FixtureStack.json(stack.http.send(request, HttpResponse.BodyHandlers.ofString()));

        assertThat(echo.path("isBase64Encoded").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(echo.path("body").asText())).containsExactly(bytes);
    }

    @Test
    void jsonRequestBody_arrivesAsText() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(stack.uri("/echo"))
                .header("authorization", "Bearer " + stack.token("agent2@kin.local"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")).build();

        JsonNode echo = FixtureStack.json(stack.http.send(request, HttpResponse.BodyHandlers.ofString()));

        assertThat(echo.path("isBase64Encoded").asBoolean()).isFalse();
        assertThat(echo.path("body").asText()).isEqualTo("{\"a\":1}");
    }

    @Test
    void corsPreflight_isAnsweredByTheGatewayWithoutAToken() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(stack.uri("/echo"))
                .header("origin", "http://localhost:5173").header("access-control-request-method", "GET")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build();

        HttpResponse<String> response = stack.http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("access-control-allow-origin")).hasValue("http://localhost:5173");
        assertThat(response.headers().firstValue("access-control-allow-methods")).hasValue("GET,POST,OPTIONS");
        assertThat(response.headers().firstValue("access-control-max-age")).hasValue("600");
    }

    @Test
    void corsHeaders_ofTheGatewayReplaceTheFunctions() throws Exception {
        String token = "Bearer " + stack.token("agent1@kin.local");
        HttpResponse<String> allowed = stack.get("/echo", "authorization", token, "origin", "http://localhost:5173");
        HttpResponse<String> foreign = stack.get("/echo", "authorization", token, "origin", "https://other.example");

        assertThat(allowed.headers().allValues("access-control-allow-origin")).containsExactly("http://localhost:5173");
        assertThat(allowed.headers().firstValue("access-control-expose-headers")).hasValue("x-echo");
        assertThat(foreign.headers().firstValue("access-control-allow-origin")).isEmpty();
    }

    @Test
    void functionUrl_servesWebhooksWithoutAuthorizer() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(stack.uri("/fn/EchoFunction/voice/status?CallSid=CA1"))
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("From=%2B15550001&CallStatus=ringing")).build();

        HttpResponse<String> response = stack.http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode echo = FixtureStack.json(response);
        assertThat(echo.path("rawPath").asText()).isEqualTo("/voice/status");
        assertThat(echo.path("routeKey").asText()).isEqualTo("$default");
        assertThat(echo.path("claims").isNull()).isTrue();
        assertThat(new String(Base64.getDecoder().decode(echo.path("body").asText()))).isEqualTo("From=%2B15550001&CallStatus=ringing");
    }

    @Test
    void functionUrlOfAFunctionWithoutOne_is404() throws Exception {
        assertThat(stack.get("/fn/SlowFunction/anything").statusCode()).isEqualTo(404);
    }

    /** A token like the local identity's, for agent1 and the fixture's audience, but with {@code issuer}. */
    private String signedToken(String issuer) throws Exception {
        LocalUser agent = SeedUsers.byEmail("agent1@kin.local").orElseThrow();
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).audience("kin-it")
                .subject(agent.id().toString()).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600)))
                .claim("email", agent.email()).claim("role", agent.role()).claim("department", agent.department())
                .build();
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(stack.identity.key().getKeyID())
                .type(JOSEObjectType.JWT).build(), claims);
        token.sign(new RSASSASigner(stack.identity.key()));
        return token.serialize();
    }
}
