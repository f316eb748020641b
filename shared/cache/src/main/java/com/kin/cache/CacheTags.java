package com.kin.cache;

import com.kin.core.identity.Caller;
import java.util.LinkedHashSet;
import java.util.List;
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

    /**
     * The resources whose records belong to a user: they show in that user's lists and, through the owner's department,
     * in the department's lists.
     */
    public static final List<String> OWNED_RESOURCES = List.of(MessageTags.CONTACTS, CallTags.RESOURCE,
            MessageTags.RESOURCE, "voicemails");

    private CacheTags() {
    }

    /**
     * The list tags a user's move between departments makes stale: for every {@linkplain #OWNED_RESOURCES owned resource}
     * the lists of each department (the user's records leave one and join the other) and the user's own lists (an
     * agent's voicemail queue holds its department's unassigned items). Admin lists are unchanged by a move.
     */
    public static Set<String> listsChangedByMove(UUID userId, String... departments) {
        Set<String> tags = new LinkedHashSet<>();
        for (String resource : OWNED_RESOURCES) {
            tags.add(resource + ":list:user:" + userId);
            for (String department : departments) {
                if (department != null) {
                    tags.add(resource + ":list:dept:" + department);
                }
            }
        }
        return tags;
    }

    public static String record(String resource, UUID id) {
        return resource + ":" + id;
    }

    /** The tag of every list page computed for the caller's visibility. */
    public static String listsOf(String resource, Caller caller) {
        return resource + ":list:" + caller.visibilityKey();
    }

    /**
     * The list tags of every visibility that can see a record with a department of record ({@link
     * Caller#canAccessRecord}, e.g. calls): its owner's (if any), the owner's and the record's departments, admin.
     */
    public static Set<String> listsShowingRecord(String resource, UUID ownerId, String ownerDepartment,
                                                 String recordDepartment) {
        Set<String> tags = new LinkedHashSet<>();
        if (ownerId != null) {
            tags.addAll(listsShowing(resource, ownerId, ownerDepartment));
        }
        if (recordDepartment != null) {
            tags.add(resource + ":list:dept:" + recordDepartment);
        }
        tags.add(resource + ":list:admin");
        return tags;
    }

    /**
     * The list tags of every visibility that can see a work item ({@link Caller#canAccessWorkItem}, e.g. voicemails): as
     * {@link #listsShowingRecord}, and while unassigned the department's unassigned queue, which every agent of that
     * department reads (see {@link #listsOfWorkItems}).
     */
    public static Set<String> listsShowingWorkItem(String resource, UUID assigneeId, String assigneeDepartment,
                                                   String itemDepartment) {
        Set<String> tags = listsShowingRecord(resource, assigneeId, assigneeDepartment, itemDepartment);
        if (assigneeId == null && itemDepartment != null) {
            tags.add(unassignedQueue(resource, itemDepartment));
        }
        return tags;
    }

    /** The tags of a work-item list computed for the caller: its visibility, and for an agent its department's unassigned queue. */
    public static Set<String> listsOfWorkItems(String resource, Caller caller) {
        Set<String> tags = new LinkedHashSet<>();
        tags.add(listsOf(resource, caller));
        caller.unassignedQueueDepartment().ifPresent(department -> tags.add(unassignedQueue(resource, department)));
        return tags;
    }

    private static String unassignedQueue(String resource, String department) {
        return resource + ":list:unassigned:" + department;
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
