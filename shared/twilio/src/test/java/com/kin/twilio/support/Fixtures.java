package com.kin.twilio.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Twilio's JSON answers, as its API documents them, kept under src/test/resources/twilio. */
public final class Fixtures {

    public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    public static final String AUTH_TOKEN = "local-twilio-auth-token";

    private Fixtures() {
    }

    public static String twilioJson(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/twilio/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture twilio/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
