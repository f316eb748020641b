package com.kin.twiliovoice;

import com.kin.cache.CacheTags;
import com.kin.cache.CallTags;
import com.kin.cache.TwoTierCache;
import com.kin.core.identity.CallPlacement;
import com.kin.data.voicemails.VoicemailPlacement;
import jakarta.inject.Singleton;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What the voice webhooks' writes make stale in the API functions' caches (calls, voicemails, search), invalidated once
 * the write committed: the webhooks cache nothing themselves, but the calls and voicemails functions read the rows they
 * write through the shared cache table, and would otherwise serve the old rows until their TTL.
 */
@Singleton
class VoiceCache {

    private final TwoTierCache cache;

    VoiceCache(TwoTierCache cache) {
        this.cache = cache;
    }

    /** After a committed write of a call: the call and every call history that can show it. */
    void callChanged(CallPlacement placement) {
        cache.invalidate(CallTags.changed(placement));
    }

    /** After a committed write of a voicemail: see {@link #voicemailTags}. */
    void voicemailChanged(VoicemailPlacement placement) {
        cache.invalidate(voicemailTags(placement));
    }

    /**
     * The voicemail as the voicemails function tags it (its record, and the work-item lists and queues of every
     * visibility that can see it where it is now), and the detail of the call it was left on, which embeds it.
     */
    static Set<String> voicemailTags(VoicemailPlacement placement) {
        Set<String> tags = new LinkedHashSet<>();
        tags.add(CacheTags.record(CallTags.VOICEMAILS, placement.voicemailId()));
        tags.addAll(CacheTags.listsShowingWorkItem(CallTags.VOICEMAILS, placement.assigneeId(),
                placement.assigneeDepartment(), placement.department()));
        tags.addAll(CallTags.voicemailChanged(placement.voicemailId(), placement.callId()));
        return tags;
    }
}
