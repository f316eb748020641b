package com.kin.local.auth;

import com.kin.local.template.HttpApiSpec;
import com.kin.local.template.LocalStack;
import java.util.Optional;

/**
 * The audience a local token must carry: the first one of the first HTTP API of the template whose JWT authorizer
 * names one. {@code ./kin token} and {@code ./kin load} sign with it, so both produce tokens the gateway accepts.
 */
public final class JwtAudience {

    private JwtAudience() {
    }

    public static Optional<String> of(LocalStack stack) {
        return stack.resources(LocalStack.HTTP_API).stream()
                .map(api -> stack.httpApi(api.logicalId()))
                .flatMap(api -> api.authorizers().values().stream())
                .map(HttpApiSpec.JwtAuthorizer::audience)
                .filter(audiences -> !audiences.isEmpty())
                .map(audiences -> audiences.get(0))
                .findFirst();
    }
}
