package com.kin.local.it;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Hands the one shared {@link FixtureStack} to IT classes; JUnit closes it after the last test of the run. */
public final class FixtureStackExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == FixtureStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(FixtureStack.class, key -> {
                    try {
                        return FixtureStack.start();
                    } catch (Exception e) {
                        throw new IllegalStateException("the fixture stack did not start", e);
                    }
                }, FixtureStack.class);
    }
}
