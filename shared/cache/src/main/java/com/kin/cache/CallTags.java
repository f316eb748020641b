package com.kin.cache;

import com.kin.core.identity.CallPlacement;
import com.kin.core.identity.Caller;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The cache tags of calls: the one place that says which entries a call write makes stale, for every function that caches
 * or writes calls (the calls API, the voice webhooks, voicemail writers).
 *
 * <p>What the calls API caches, and with which tags:
 * <ul>
 *   <li>one call with its voicemail (shared by every caller, visibility checked after the read): {@link #detail}
 *       ({@code calls:<id>} and {@code voicemails:call:<id>}). The voicemail's own id is not known before the entry is
 *       loaded, and a key's tags must be, so the entry is tagged by the call it belongs to;</li>
 *   <li>a page of the call history, per caller visibility: {@link #listPage} ({@code calls:list:<visibility>}, and
 *       {@code contacts:<id>} when the page is filtered by a contact, whose deletion unlinks its calls).</li>
 * </ul>
 *
 * <p><b>Every write to calls</b> (insert, status, recording, routing) invalidates {@link #changed} after the commit:
 * <pre>{@code
 * CallPlacement placement = placements.bySid(sql, callSid).orElseThrow();   // com.kin.data.calls.CallPlacements
 * cache.invalidate(CallTags.changed(List.of(placement)));
 * }</pre>
 * <b>Every write to a voicemail</b> that is (or was) left on a call also invalidates {@link #voicemailChanged}, so the
 * call's detail, which embeds the voicemail, is read again.
 */
public final class CallTags {

    public static final String RESOURCE = "calls";
    public static final String VOICEMAILS = "voicemails";

    private CallTags() {
    }

    public static String record(UUID callId) {
        return CacheTags.record(RESOURCE, callId);
    }

    /** The voicemail left on {@code callId}, whichever it is. */
    public static String voicemailOf(UUID callId) {
        return VOICEMAILS + ":call:" + callId;
    }

    /** Tags of one call's detail (the call and its voicemail). */
    public static Set<String> detail(UUID callId) {
        return Set.of(record(callId), voicemailOf(callId));
    }

    /** Tags of a page of the call history read by {@code caller}, filtered by {@code contactId} (null: any contact). */
    public static Set<String> listPage(Caller caller, UUID contactId) {
        Set<String> tags = new LinkedHashSet<>();
        tags.add(CacheTags.listsOf(RESOURCE, caller));
        if (contactId != null) {
            tags.add(CacheTags.record(MessageTags.CONTACTS, contactId));
        }
        return tags;
    }

    /** What a write to these calls makes stale: each call and the call lists of every visibility that can see it. */
    public static Set<String> changed(Collection<CallPlacement> placements) {
        Set<String> tags = new LinkedHashSet<>();
        for (CallPlacement placement : placements) {
            tags.add(record(placement.callId()));
            tags.addAll(CacheTags.listsShowingRecord(RESOURCE, placement.userId(), placement.userDepartment(),
                    placement.department()));
        }
        return tags;
    }

    public static Set<String> changed(CallPlacement placement) {
        return changed(List.of(placement));
    }

    /**
     * What a write to voicemail {@code voicemailId} makes stale in the calls API: the detail of the call it is left on
     * ({@code callId}, null for none), besides the voicemail's own record tag.
     */
    public static Set<String> voicemailChanged(UUID voicemailId, UUID callId) {
        Set<String> tags = new LinkedHashSet<>();
        tags.add(CacheTags.record(VOICEMAILS, voicemailId));
        if (callId != null) {
            tags.add(voicemailOf(callId));
        }
        return tags;
    }
}
