package com.kin.cache;

import java.util.Locale;

/**
 * What a cached value is, which fixes how long each tier keeps it. The figures are the performance guide's: its in-memory
 * TTLs for L1, its cache TTLs for L2; a list or page of a resource keeps the resource's TTLs.
 *
 * <table>
 *   <caption>TTL per kind</caption>
 *   <tr><th>Kind</th><th>L1 (per instance)</th><th>L2 (DynamoDB)</th></tr>
 *   <tr><td>SESSION (the caller's user record)</td><td>SESSION_TTL (30 min)</td><td>SESSION_TTL (30 min)</td></tr>
 *   <tr><td>PREFERENCES</td><td>10 min</td><td>CACHE_TTL (300 s)</td></tr>
 *   <tr><td>CONTACT, CONTACT_LIST</td><td>5 min</td><td>300 s</td></tr>
 *   <tr><td>CALL, CALL_LIST (call history)</td><td>1 min</td><td>300 s</td></tr>
 *   <tr><td>MESSAGE, MESSAGE_LIST</td><td>180 s</td><td>180 s</td></tr>
 *   <tr><td>VOICEMAIL, VOICEMAIL_LIST</td><td>30 s</td><td>180 s</td></tr>
 *   <tr><td>SEARCH (search results)</td><td>120 s</td><td>120 s</td></tr>
 *   <tr><td>TEMPLATE, TEMPLATE_LIST, USER, USER_LIST</td><td>CACHE_TTL (300 s)</td><td>CACHE_TTL (300 s)</td></tr>
 * </table>
 *
 * <p>{@code CACHE_TTL} (seconds) replaces the default TTL wherever the table names it and {@code SESSION_TTL} (seconds)
 * the session TTL; the guide's fixed figures do not move. Where the guide gives a kind only one figure, both tiers use it.
 * An entry copied into L1 from L2 never outlives the L2 item it came from.
 */
public enum CacheKind {
    SESSION(TtlRule.SESSION, TtlRule.SESSION),
    PREFERENCES(TtlRule.minutes(10), TtlRule.DEFAULT),
    CONTACT(TtlRule.minutes(5), TtlRule.seconds(300)),
    CONTACT_LIST(TtlRule.minutes(5), TtlRule.seconds(300)),
    CALL(TtlRule.minutes(1), TtlRule.seconds(300)),
    CALL_LIST(TtlRule.minutes(1), TtlRule.seconds(300)),
    MESSAGE(TtlRule.seconds(180), TtlRule.seconds(180)),
    MESSAGE_LIST(TtlRule.seconds(180), TtlRule.seconds(180)),
    VOICEMAIL(TtlRule.seconds(30), TtlRule.seconds(180)),
    VOICEMAIL_LIST(TtlRule.seconds(30), TtlRule.seconds(180)),
    SEARCH(TtlRule.seconds(120), TtlRule.seconds(120)),
    TEMPLATE(TtlRule.DEFAULT, TtlRule.DEFAULT),
    TEMPLATE_LIST(TtlRule.DEFAULT, TtlRule.DEFAULT),
    USER(TtlRule.DEFAULT, TtlRule.DEFAULT),
    USER_LIST(TtlRule.DEFAULT, TtlRule.DEFAULT);

    private final TtlRule l1;
    private final TtlRule l2;

    CacheKind(TtlRule l1, TtlRule l2) {
        this.l1 = l1;
        this.l2 = l2;
    }

    /** The lower-case name used in storage keys and as the {@code kind} metric dimension. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    TtlRule l1Rule() {
        return l1;
    }

    TtlRule l2Rule() {
        return l2;
    }
}
