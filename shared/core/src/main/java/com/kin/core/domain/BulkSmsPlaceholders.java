package com.kin.core.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The placeholders a bulk SMS fills from each recipient's contact record, rather than from the job's variables:
 * {@code {{firstName}}}, {@code {{lastName}}} and {@code {{organization}}} (empty text when the contact has none).
 */
public final class BulkSmsPlaceholders {

    public static final String FIRST_NAME = "firstName";
    public static final String LAST_NAME = "lastName";
    public static final String ORGANIZATION = "organization";
    public static final Set<String> CONTACT_FIELDS = Set.of(FIRST_NAME, LAST_NAME, ORGANIZATION);

    private BulkSmsPlaceholders() {
    }

    /** The value of every contact placeholder for one contact; absent fields become empty text. */
    public static Map<String, String> contactValues(String firstName, String lastName, String organization) {
        return Map.of(FIRST_NAME, orEmpty(firstName), LAST_NAME, orEmpty(lastName), ORGANIZATION, orEmpty(organization));
    }

    /**
     * The values for a body's placeholders {@code names}: the job's {@code variables}, plus the contact fields the body
     * uses, taken from {@code contactValues}. Contact fields the body does not use are left out, as the renderer refuses
     * values nobody asked for.
     */
    public static Map<String, String> valuesFor(Set<String> names, Map<String, String> variables,
                                                Map<String, String> contactValues) {
        Map<String, String> values = new HashMap<>(variables);
        for (String name : names) {
            if (CONTACT_FIELDS.contains(name)) {
                values.put(name, contactValues.get(name));
            }
        }
        return values;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
