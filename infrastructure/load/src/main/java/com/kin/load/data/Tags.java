package com.kin.load.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Contact tags with a Zipf-shaped popularity: the k-th tag is on a contact with probability HEAD / k^EXPONENT, so
 * {@code customer} is on about half the contacts and {@code vip} (the last) on a few percent, as in real address books.
 */
public final class Tags {

    static final String[] BY_POPULARITY = {
        "customer", "lead", "prospect", "newsletter", "support", "partner", "billing", "renewal", "supplier",
        "churn-risk", "event-2024", "vip"};
    private static final double HEAD = 0.5;
    private static final double EXPONENT = 1.1;
    private static final double[] PROBABILITY = new double[BY_POPULARITY.length];

    static {
        for (int rank = 0; rank < BY_POPULARITY.length; rank++) {
            PROBABILITY[rank] = HEAD / Math.pow(rank + 1, EXPONENT);
        }
    }

    private Tags() {
    }

    public static List<String> next(RowRandom random) {
        List<String> tags = new ArrayList<>(3);
        for (int rank = 0; rank < BY_POPULARITY.length; rank++) {
            if (random.chance(PROBABILITY[rank])) {
                tags.add(BY_POPULARITY[rank]);
            }
        }
        return tags;
    }

    /** The Postgres array literal of {@code tags}: slugs need no quoting. */
    public static String arrayLiteral(List<String> tags) {
        return "{" + String.join(",", tags) + "}";
    }
}
