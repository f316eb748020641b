package com.kin.twilio.credentials;

import java.util.Map;

/** Reads a JSON object secret as name/value pairs. */
public interface SecretReader {

    /**
     * The secret's top-level string members.
     *
     * @throws IllegalStateException naming {@code TWILIO_SECRET_ARN} when the secret cannot be read or is not a JSON object
     */
    Map<String, String> read(String secretArn);
}
