package com.kin.observability.metrics;

/** Dimension names. Values come from small fixed sets (route templates, tiers, kinds, query names), never ids. */
public final class MetricDimensions {

    /** Added to every metric by {@link PowertoolsMetricsRecorder}; callers never pass it. */
    public static final String FUNCTION = "function";
    /** Method and route template, e.g. {@code GET:/api/contacts/{id}}; {@code UNMATCHED} when no route matched. */
    public static final String ROUTE = "route";
    /** Cache tier: {@code l1} (in-process) or {@code l2} (DynamoDB). */
    public static final String TIER = "tier";
    /** What is cached: a kin-cache kind code, e.g. the code of {@code CONTACT} or {@code CONTACT_LIST}. */
    public static final String KIND = "kind";
    /** Why a cached value was dropped: {@code corrupt} or {@code oversize}. */
    public static final String REASON = "reason";
    /** A statement's fixed name, e.g. {@code contacts.find-by-id}. */
    public static final String QUERY = "query";
    /** A Twilio operation ({@code sendSms}, {@code placeCall}, {@code checkAccount}) or an L2 cache operation. */
    public static final String OPERATION = "operation";

    private MetricDimensions() {
    }
}
