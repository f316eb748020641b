package com.kin.voicemails;

import com.kin.cache.CacheKey;
import com.kin.cache.CacheKind;
import com.kin.cache.CacheTags;
import com.kin.cache.Cached;
import com.kin.cache.CallTags;
import com.kin.cache.TwoTierCache;
import com.kin.core.domain.Voicemail;
import com.kin.core.identity.Caller;
import com.kin.core.page.Page;
import com.kin.core.page.PageRequest;
import com.kin.data.voicemails.VoicemailFilter;
import com.kin.data.voicemails.VoicemailQueue;
import com.kin.data.voicemails.VoicemailRow;
import com.kin.data.voicemails.VoicemailSort;
import com.kin.data.voicemails.VoicemailUpdate;
import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The voicemails function's use of the two-tier cache: which key a read has, and which tags a write invalidates.
 * A single voicemail is cached for everyone (access is checked after the read); a list page per visibility, tagged with
 * the caller's work-item list tags ({@link CacheTags#listsOfWorkItems}).
 */
@Singleton
class VoicemailCache {

    static final String RESOURCE = "voicemails";
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final Argument<Page<Voicemail>> PAGE = (Argument) Argument.of(Page.class, Voicemail.class);

    private final TwoTierCache cache;

    VoicemailCache(TwoTierCache cache) {
        this.cache = cache;
    }

    /**
     * Where a voicemail sits for visibility: its assignee (null: unassigned), the assignee's department, its queue; and
     * the call it was left on (null: none), whose cached detail embeds it.
     */
    record Placement(UUID id, UUID assigneeId, String assigneeDepartment, String department, UUID callId) {
        static Placement of(VoicemailRow row) {
            Voicemail voicemail = row.voicemail();
            return new Placement(voicemail.id(), voicemail.assignedToId(), row.assigneeDepartment(), voicemail.department(),
                    voicemail.callId());
        }

        /** An updated voicemail where it was (its previous assignee; an update never moves its queue) and where it is. */
        static List<Placement> beforeAndAfter(VoicemailUpdate update) {
            Placement after = of(update.row());
            return List.of(new Placement(after.id(), update.previousAssigneeId(), update.previousAssigneeDepartment(),
                    after.department(), after.callId()), after);
        }
    }

    Cached<VoicemailRow> row(UUID id, Supplier<VoicemailRow> loader) {
        return cache.get(CacheKey.shared(CacheKind.VOICEMAIL, id.toString(), CacheTags.record(RESOURCE, id)),
                VoicemailRow.class, loader);
    }

    Cached<Page<Voicemail>> page(Caller caller, VoicemailFilter filter, VoicemailSort sort, PageRequest page,
                                 Supplier<Page<Voicemail>> loader) {
        CacheKey.Builder key = CacheKey.builder(CacheKind.VOICEMAIL_LIST).scope(caller)
                .param("queue", filter.queue().wireName()).param("unread", filter.unread())
                .param("priority", filter.priority() == null ? null : filter.priority().wireName())
                .param("from", filter.from()).param("to", filter.to())
                .param("sort", sort.wireName()).param("limit", page.limit()).param("cursor", page.cursor());
        callerSpecifics(key, caller, filter.queue());
        CacheTags.listsOfWorkItems(RESOURCE, caller).forEach(key::tag);
        return cache.get(key.build(), PAGE, loader);
    }

    /** After a committed write: the voicemails as they were and as they are now (both, when the assignee changed). */
    void changed(Collection<Placement> placements) {
        Set<String> tags = tagsOf(placements);
        if (!tags.isEmpty()) {
            cache.invalidate(tags);
        }
    }

    /**
     * Every tag a change to these placements can affect: each voicemail's record tag (its detail), the detail of the call
     * it was left on ({@link CallTags#voicemailChanged}: that entry is tagged by the call, not by the voicemail), and the
     * list tags of every visibility that can see it there.
     */
    static Set<String> tagsOf(Collection<Placement> placements) {
        Set<String> tags = new LinkedHashSet<>();
        for (Placement placement : placements) {
            tags.addAll(CallTags.voicemailChanged(placement.id(), placement.callId()));
            tags.addAll(CacheTags.listsShowingWorkItem(RESOURCE, placement.assigneeId(), placement.assigneeDepartment(),
                    placement.department()));
        }
        return tags;
    }

    /**
     * What a page depends on beyond the caller's visibility key: the department of the unassigned queue an agent sees
     * ({@link Caller#unassignedQueueDepartment}), the department of a {@code department} queue, and the caller's own id
     * for {@code mine}, since managers of one department, and all admins, share a visibility key but not a department or
     * an identity.
     */
    private static void callerSpecifics(CacheKey.Builder key, Caller caller, VoicemailQueue queue) {
        String department = queue == VoicemailQueue.DEPARTMENT
                ? caller.department()
                : caller.unassignedQueueDepartment().orElse(null);
        if (department != null) {
            key.param("department", department);
        }
        if (queue == VoicemailQueue.MINE) {
            key.param("assignee", caller.userId());
        }
    }
}
