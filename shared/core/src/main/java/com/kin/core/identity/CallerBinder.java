package com.kin.core.identity;

import com.kin.core.error.UnauthorizedError;
import com.kin.core.web.LambdaRequests;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Lets a controller method take a {@link Caller} argument, built from the claims API Gateway's JWT authorizer verified.
 *
 * <p>Claims are trusted because only the gateway can put them into the event. Cognito prefixes custom attributes with
 * {@code custom:}, so both spellings are read.
 */
@Singleton
public final class CallerBinder implements TypedRequestArgumentBinder<Caller> {

    @Override
    public Argument<Caller> argumentType() {
        return Argument.of(Caller.class);
    }

    @Override
    public BindingResult<Caller> bind(ArgumentConversionContext<Caller> context, HttpRequest<?> source) {
        Caller caller = fromClaims(LambdaRequests.jwtClaims(source));
        return () -> Optional.of(caller);
    }

    /** The caller the claims describe; {@link UnauthorizedError} when they are missing or incomplete. */
    public static Caller fromClaims(Map<String, String> claims) {
        if (claims.isEmpty()) {
            throw new UnauthorizedError("authentication required - no verified token claims on the request");
        }
        UUID userId = parseSubject(claims.get("sub"));
        Role role = Role.fromClaim(claim(claims, "role"))
                .orElseThrow(() -> new UnauthorizedError("token has no valid role claim (agent, manager or admin)"));
        String department = claim(claims, "department");
        return new Caller(userId, claims.get("email"), role, department == null || department.isBlank() ? null : department);
    }

    private static String claim(Map<String, String> claims, String name) {
        String value = claims.get(name);
        return value != null ? value : claims.get("custom:" + name);
    }

    private static UUID parseSubject(String subject) {
        if (subject == null) {
            throw new UnauthorizedError("token has no sub claim");
        }
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            throw new UnauthorizedError("token sub claim is not a user id");
        }
    }
}
