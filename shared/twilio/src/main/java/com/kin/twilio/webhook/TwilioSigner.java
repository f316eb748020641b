package com.kin.twilio.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook the way Twilio does, for the local runtime, the event generators and tests: base64 of HMAC-SHA1,
 * keyed with the auth token, over the URL followed by each parameter name and value, names in sorted order and, for a
 * repeated name, its distinct values in sorted order.
 *
 * <p>The SDK only validates; its signing step is private. {@code TwilioSignerTest} holds this to Twilio's published
 * example and to {@link com.twilio.security.RequestValidator}.
 */
public final class TwilioSigner {

    private static final String HMAC_SHA1 = "HmacSHA1";

    private final SecretKeySpec key;

    public TwilioSigner(String authToken) {
        if (authToken == null || authToken.isEmpty()) {
            throw new IllegalArgumentException("twilio signer - auth token is empty");
        }
        this.key = new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), HMAC_SHA1);
    }

    /** The {@code X-Twilio-Signature} for a request to {@code url} carrying these single-valued parameters. */
    public String sign(String url, Map<String, String> params) {
        Map<String, List<String>> multi = new TreeMap<>();
        params.forEach((name, value) -> multi.put(name, List.of(value)));
        return signAll(url, multi);
    }

    /** The {@code X-Twilio-Signature} for a request to {@code url} carrying this form body. */
    public String sign(String url, FormBody params) {
        return signAll(url, params.allValues());
    }

    private String signAll(String url, Map<String, ? extends Collection<String>> params) {
        StringBuilder signed = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, values) -> {
            for (String value : new TreeSet<>(values)) {
                signed.append(name).append(value);
            }
        });
        return Base64.getEncoder().encodeToString(hmac(signed.toString()));
    }

    private byte[] hmac(String text) {
        try {
            Mac mac = Mac.getInstance(HMAC_SHA1);
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // Every JRE ships HmacSHA1, and any non-empty key is valid for it.
            throw new IllegalStateException("twilio signer - HmacSHA1 unavailable", e);
        }
    }
}
