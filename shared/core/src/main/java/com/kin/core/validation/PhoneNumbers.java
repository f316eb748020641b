package com.kin.core.validation;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Normalises phone numbers to E.164 with libphonenumber. Numbers without a country code are read in the default region
 * ({@code PHONE_DEFAULT_REGION}, default US).
 */
@Singleton
public final class PhoneNumbers {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private final String defaultRegion;

    public PhoneNumbers(@Value("${phone.default-region:US}") String defaultRegion) {
        if (!UTIL.getSupportedRegions().contains(defaultRegion)) {
            throw new IllegalStateException("PHONE_DEFAULT_REGION - '" + defaultRegion
                    + "' is not a supported ISO 3166 region code (e.g. US, GB, DE)");
        }
        this.defaultRegion = defaultRegion;
    }

    /** The E.164 form of {@code raw}, or empty when it is not a valid number. */
    public Optional<String> toE164(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 32) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = UTIL.parse(raw, defaultRegion);
            return UTIL.isValidNumber(number)
                    ? Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
