package com.kin.local.gateway;

import com.kin.local.auth.LocalIdentity;
import com.kin.local.template.HttpApiSpec;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An HTTP API JWT authorizer: the token from the identity source must be signed by the local identity's key, carry
 * its issuer and one of the configured audiences, and be within its validity period. A denied request is answered
 * by the gateway (401, or 403 for missing scopes) before any function runs; an allowed one carries its claims into
 * the event as strings, the way API Gateway passes them.
 */
final class JwtAuthorizer {

    sealed interface Decision {
    }

    record Allow(Map<String, String> claims, List<String> scopes) implements Decision {
    }

    record Deny(int status, String error, String description) implements Decision {
    }

    private final String identityHeader;
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    JwtAuthorizer(HttpApiSpec.JwtAuthorizer spec, RSAKey key, Clock clock) {
        this.identityHeader = identityHeader(spec);
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK()))));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(new HashSet<>(spec.audience()),
                new JWTClaimsSet.Builder().issuer(LocalIdentity.ISSUER).build(), Set.of("exp"), null) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        });
    }

    Decision authorize(GatewayRequest request, List<String> requiredScopes) {
        Optional<String> value = request.header(identityHeader).map(String::trim).filter(v -> !v.isEmpty());
        if (value.isEmpty()) {
            return new Deny(401, null, null);
        }
        String token = value.get().regionMatches(true, 0, "Bearer ", 0, 7) ? value.get().substring(7).trim() : value.get();
        Map<String, Object> claims;
        try {
            processor.process(token, null);
            claims = SignedJWT.parse(token).getPayload().toJSONObject();
        } catch (ParseException | BadJOSEException | JOSEException e) {
            return new Deny(401, "invalid_token", e.getMessage());
        }
        List<String> scopes = scopes(claims);
        if (!requiredScopes.isEmpty() && requiredScopes.stream().noneMatch(scopes::contains)) {
            return new Deny(403, "insufficient_scope", "the token has none of the route's scopes " + requiredScopes);
        }
        return new Allow(asStrings(claims), scopes);
    }

    /** API Gateway passes every claim as a string: numbers as digits, lists as "[a b]", objects as JSON. */
    static Map<String, String> asStrings(Map<String, Object> claims) {
        Map<String, String> strings = new LinkedHashMap<>();
        claims.forEach((name, value) -> strings.put(name, claimString(value)));
        return strings;
    }

    private static String claimString(Object value) {
        if (value instanceof List<?> list) {
            return "[" + String.join(" ", list.stream().map(JwtAuthorizer::claimString).toList()) + "]";
        }
        if (value instanceof Map<?, ?> map) {
            return com.nimbusds.jose.util.JSONObjectUtils.toJSONString(castMap(map));
        }
        if (value instanceof Double number && number == Math.rint(number)) {
            return String.valueOf(number.longValue());
        }
        return String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> castMap(Map<?, ?> map) {
        return (Map<String, ?>) map;
    }

    private static List<String> scopes(Map<String, Object> claims) {
        Object scope = claims.get("scope");
        return scope == null ? List.of() : Arrays.stream(String.valueOf(scope).split(" ")).filter(s -> !s.isEmpty()).toList();
    }

    private static String identityHeader(HttpApiSpec.JwtAuthorizer spec) {
        String source = spec.identitySource().trim();
        String prefix = "$request.header.";
        if (!source.startsWith(prefix)) {
            throw new com.kin.local.template.TemplateException("Authorizers." + spec.name()
                    + ".IdentitySource - only $request.header.<Name> is run locally, got " + source);
        }
        return source.substring(prefix.length()).toLowerCase(Locale.ROOT);
    }
}
