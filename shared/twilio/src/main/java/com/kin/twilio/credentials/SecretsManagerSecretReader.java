package com.kin.twilio.credentials;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.lambda.powertools.parameters.exception.TransformationException;
import software.amazon.lambda.powertools.parameters.secrets.SecretsProvider;
import software.amazon.lambda.powertools.parameters.transform.Transformer;

/** Reads secrets through Powertools Parameters, which owns the Secrets Manager client, its retries and its cache. */
@Singleton
final class SecretsManagerSecretReader implements SecretReader {

    private final Supplier<SecretsProvider> providers;

    /** The provider (and its AWS client) is built only when a secret is read: locally none ever is. */
    @Inject
    SecretsManagerSecretReader() {
        this(() -> SecretsProvider.builder().build());
    }

    SecretsManagerSecretReader(Supplier<SecretsProvider> providers) {
        this.providers = providers;
    }

    @Override
    public Map<String, String> read(String secretArn) {
        Map<?, ?> members;
        try {
            members = providers.get().withTransformation(Transformer.json).get(secretArn, Map.class);
        } catch (SdkException | TransformationException e) {
            throw new IllegalStateException("TWILIO_SECRET_ARN - could not read secret " + secretArn
                    + " as a JSON object: " + e.getMessage(), e);
        }
        if (members == null) {
            throw new IllegalStateException("TWILIO_SECRET_ARN - secret " + secretArn + " is empty");
        }
        Map<String, String> values = new LinkedHashMap<>();
        members.forEach((name, value) -> values.put(String.valueOf(name), value == null ? null : value.toString()));
        return values;
    }
}
