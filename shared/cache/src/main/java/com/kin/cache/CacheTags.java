package com.kin.cache;

import com.kin.core.identity.Caller;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The tag scheme every function uses, so a write invalidates exactly the entries that could hold what it changed.
 *
 * <ul>
 *   <li>{@code <resource>:<id>} — one record (its single-item entry and any entry that embeds it);</li>
 *   <li>{@code <resource>:list:<visibility>} — every list or search page computed for one visibility
 *       ({@link Caller#visibilityKey()}: {@code user:<id>}, {@code dept:<name>}, {@code admin}).</li>
 * </ul>
 * A record owned by user U of department D can appear only in lists of the visibilities {@code user:U}, {@code dept:D}
 * and {@code admin}; {@link #listsShowing} names exactly those.
 */
public final class CacheTags {

    private CacheTags() {
    }

    public static String record(String resource, UUID id) {
        return resource + ":" + id;
    }

    /** The tag of every list page computed for the caller's visibility. */
    public static String listsOf(String resource, Caller caller) {
        return resource + ":list:" + caller.visibilityKey();
    }

    /** The list tags of every visibility that can see a record owned by {@code ownerId} of {@code ownerDepartment}. */
    public static Set<String> listsShowing(String resource, UUID ownerId, String ownerDepartment) {
        Set<String> tags = new LinkedHashSet<>();
        tags.add(resource + ":list:user:" + ownerId);
        if (ownerDepartment != null) {
            tags.add(resource + ":list:dept:" + ownerDepartment);
        }
        tags.add(resource + ":list:admin");
        return tags;
    }
}
