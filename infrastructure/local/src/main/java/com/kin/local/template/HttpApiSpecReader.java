package com.kin.local.template;

import com.kin.local.template.HttpApiSpec.Cors;
import com.kin.local.template.HttpApiSpec.JwtAuthorizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the CorsConfiguration and JWT authorizers of an {@code AWS::Serverless::HttpApi}. */
final class HttpApiSpecReader {

    private static final String DEFAULT_IDENTITY_SOURCE = "$request.header.Authorization";

    private HttpApiSpecReader() {
    }

    static HttpApiSpec read(Template.Resource resource, IntrinsicResolver resolver) {
        String where = "Resources." + resource.logicalId() + ".Properties";
        Map<String, Object> properties = Yamls.map(resolver.resolve(resource.properties()), where);
        Map<String, Object> auth = Yamls.map(properties.get("Auth"), where + ".Auth");
        Map<String, JwtAuthorizer> authorizers = new LinkedHashMap<>();
        Yamls.map(auth.get("Authorizers"), where + ".Auth.Authorizers").forEach((name, definition) ->
                authorizers.put(name, authorizer(name, Yamls.map(definition, where + ".Auth.Authorizers." + name),
                        where + ".Auth.Authorizers." + name)));
        Object defaultAuthorizer = auth.get("DefaultAuthorizer");
        if (defaultAuthorizer != null && !authorizers.containsKey(String.valueOf(defaultAuthorizer))) {
            throw new TemplateException(where + ".Auth.DefaultAuthorizer - " + defaultAuthorizer + " is not defined");
        }
        return new HttpApiSpec(resource.logicalId(), cors(properties.get("CorsConfiguration"), where),
                defaultAuthorizer == null ? null : String.valueOf(defaultAuthorizer), Map.copyOf(authorizers));
    }

    private static JwtAuthorizer authorizer(String name, Map<String, Object> definition, String where) {
        Map<String, Object> jwt = Yamls.map(definition.get("JwtConfiguration"), where + ".JwtConfiguration");
        if (jwt.isEmpty()) {
            throw new TemplateException(where + " - only JWT authorizers (JwtConfiguration) are run locally");
        }
        List<String> audience = strings(jwt.get("audience"), where + ".JwtConfiguration.audience");
        return new JwtAuthorizer(name, String.valueOf(definition.getOrDefault("IdentitySource", DEFAULT_IDENTITY_SOURCE)),
                Yamls.requiredString(jwt, "issuer", where + ".JwtConfiguration"), audience);
    }

    private static Cors cors(Object configuration, String where) {
        if (configuration == null || Boolean.FALSE.equals(configuration)) {
            return null;
        }
        if (Boolean.TRUE.equals(configuration)) {
            return new Cors(List.of("*"), List.of("*"), List.of("*"), List.of(), null, false);
        }
        Map<String, Object> cors = Yamls.map(configuration, where + ".CorsConfiguration");
        Object maxAge = cors.get("MaxAge");
        return new Cors(strings(cors.get("AllowOrigins"), where + ".CorsConfiguration.AllowOrigins"),
                strings(cors.get("AllowMethods"), where + ".CorsConfiguration.AllowMethods"),
                strings(cors.get("AllowHeaders"), where + ".CorsConfiguration.AllowHeaders"),
                strings(cors.get("ExposeHeaders"), where + ".CorsConfiguration.ExposeHeaders"),
                maxAge == null ? null : Yamls.integer(maxAge, 0, where + ".CorsConfiguration.MaxAge"),
                Boolean.parseBoolean(String.valueOf(cors.getOrDefault("AllowCredentials", false))));
    }

    private static List<String> strings(Object value, String where) {
        return Yamls.list(value, where).stream().map(String::valueOf).toList();
    }
}
