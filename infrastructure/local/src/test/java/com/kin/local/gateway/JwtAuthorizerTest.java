package com.kin.local.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.kin.local.auth.LocalIdentity;
import com.kin.local.auth.LocalUser;
import com.kin.local.template.HttpApiSpec;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JwtAuthorizerTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static final LocalUser AGENT = new LocalUser(UUID.fromString("00000000-0000-0000-0000-000000000001"),
            "agent@kin.local", "Agent", "agent", "sales");

    private final RSAKey key = newKey();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final JwtAuthorizer authorizer = new JwtAuthorizer(
            new HttpApiSpec.JwtAuthorizer("Jwt", "$request.header.Authorization", "https://cognito.example", List.of("kin-app")),
            key, clock);

    @Test
    void validToken_passesItsClaimsAsStrings() {
        String token = new LocalIdentity(key, clock).issue(AGENT, "kin-app", Duration.ofHours(1));

        JwtAuthorizer.Decision decision = authorizer.authorize(request("Bearer " + token), List.of());

        assertThat(decision).isInstanceOfSatisfying(JwtAuthorizer.Allow.class, allow -> {
            assertThat(allow.claims()).containsEntry("sub", AGENT.id().toString()).containsEntry("role", "agent")
                    .containsEntry("department", "sales").containsEntry("aud", "kin-app")
                    .containsEntry("iss", LocalIdentity.ISSUER)
                    .containsEntry("exp", String.valueOf(NOW.plus(Duration.ofHours(1)).getEpochSecond()));
        });
    }

    @Test
    void tokenWithoutBearerPrefix_isAcceptedToo() {
        String token = new LocalIdentity(key, clock).issue(AGENT, "kin-app", Duration.ofHours(1));

        assertThat(authorizer.authorize(request(token), List.of())).isInstanceOf(JwtAuthorizer.Allow.class);
    }

    @Test
    void missingHeader_isDeniedWithoutDescription() {
        assertThat(authorizer.authorize(request(null), List.of())).isEqualTo(new JwtAuthorizer.Deny(401, null, null));
    }

    @Test
    void expiredToken_isDenied() {
        Clock earlier = Clock.fixed(NOW.minus(Duration.ofHours(3)), ZoneOffset.UTC);
        String token = new LocalIdentity(key, earlier).issue(AGENT, "kin-app", Duration.ofHours(1));

        assertThat(authorizer.authorize(request("Bearer " + token), List.of()))
                .isInstanceOfSatisfying(JwtAuthorizer.Deny.class, deny -> assertThat(deny.status()).isEqualTo(401));
    }

    @Test
    void otherAudienceOrKey_isDenied() {
        String otherAudience = new LocalIdentity(key, clock).issue(AGENT, "someone-else", Duration.ofHours(1));
        String otherKey = new LocalIdentity(newKey(), clock).issue(AGENT, "kin-app", Duration.ofHours(1));

        assertThat(authorizer.authorize(request("Bearer " + otherAudience), List.of())).isInstanceOf(JwtAuthorizer.Deny.class);
        assertThat(authorizer.authorize(request("Bearer " + otherKey), List.of())).isInstanceOf(JwtAuthorizer.Deny.class);
    }

    @Test
    void garbage_isDenied() {
        assertThat(authorizer.authorize(request("Bearer not.a.jwt"), List.of())).isInstanceOf(JwtAuthorizer.Deny.class);
    }

    @Test
    void routeScopesMissingFromToken_areForbidden() {
        String token = new LocalIdentity(key, clock).issue(AGENT, "kin-app", Duration.ofHours(1));

        assertThat(authorizer.authorize(request("Bearer " + token), List.of("contacts/write")))
                .isInstanceOfSatisfying(JwtAuthorizer.Deny.class, deny -> assertThat(deny.status()).isEqualTo(403));
    }

    @Test
    void claimsAsStrings_formatListsAndNumbersLikeApiGateway() {
        assertThat(JwtAuthorizer.asStrings(Map.of("groups", List.of("a", "b"), "n", 5L, "d", 7.0)))
                .containsEntry("groups", "[a b]").containsEntry("n", "5").containsEntry("d", "7");
    }

    private static GatewayRequest request(String authorization) {
        List<Map.Entry<String, String>> headers = authorization == null ? List.of()
                : List.of(Map.entry("authorization", authorization));
        return new GatewayRequest("GET", "/", "", headers, "".getBytes(StandardCharsets.UTF_8), "127.0.0.1", "HTTP/1.1");
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
