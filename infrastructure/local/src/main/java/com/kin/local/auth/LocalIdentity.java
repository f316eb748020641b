package com.kin.local.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * The local stand-in for the Cognito user pool: it signs access tokens with the runtime's key, and its issuer
 * replaces the template's issuer in the local JWT authorizer.
 */
public final class LocalIdentity {

    public static final String ISSUER = "https://auth.kin.local";

    private final RSAKey key;
    private final Clock clock;

    public LocalIdentity(RSAKey key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    public RSAKey key() {
        return key;
    }

    /** A signed token whose claims the authorizer hands to functions: sub, email, role, department. */
    public String issue(LocalUser user, String audience, Duration lifetime) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(audience)
                .subject(user.id().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString())
                .claim("email", user.email())
                .claim("role", user.role())
                .claim("token_use", "access");
        if (user.department() != null) {
            claims.claim("department", user.department());
        }
        SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(JOSEObjectType.JWT).build(), claims.build());
        try {
            token.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("local identity - cannot sign a token for " + user.email(), e);
        }
        return token.serialize();
    }
}
