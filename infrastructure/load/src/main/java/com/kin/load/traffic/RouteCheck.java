package com.kin.load.traffic;

import com.kin.local.gateway.Gateway;
import com.kin.local.template.FunctionSpec;
import com.kin.local.template.LocalStack;
import com.kin.load.traffic.mix.Action;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Every route the mix calls must exist in template.yaml: an HTTP API route key, or a function URL of a function that
 * has one. Checked before the run, so that a renamed route fails fast instead of filling the report with 404s.
 */
public final class RouteCheck {

    private RouteCheck() {
    }

    public static void require(LocalStack stack, Collection<Action> actions) {
        Set<String> routeKeys = stack.functions().stream().flatMap(f -> f.routes().stream())
                .map(FunctionSpec.HttpRouteSpec::routeKey).collect(Collectors.toSet());
        Set<String> functionUrls = stack.functions().stream().filter(f -> f.functionUrl() != null)
                .map(FunctionSpec::logicalId).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        for (Action action : actions) {
            RouteTemplate route = action.route();
            if (!known(route, routeKeys, functionUrls)) {
                missing.add(route.key());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("load - the mix calls routes the template does not define: "
                    + String.join(", ", missing) + "; update com.kin.load.traffic.mix to the template");
        }
    }

    private static boolean known(RouteTemplate route, Set<String> routeKeys, Set<String> functionUrls) {
        String prefix = Gateway.FUNCTION_URL_PREFIX + "/";
        if (!route.path().startsWith(prefix)) {
            return routeKeys.contains(route.key());
        }
        String rest = route.path().substring(prefix.length());
        int slash = rest.indexOf('/');
        return functionUrls.contains(slash < 0 ? rest : rest.substring(0, slash));
    }
}
