package com.kin.search;

import com.kin.cache.CacheKey;
import com.kin.cache.CacheKind;
import com.kin.cache.CacheTags;
import com.kin.cache.Cached;
import com.kin.cache.TwoTierCache;
import com.kin.core.domain.ContactMatch;
import com.kin.core.domain.SearchResults;
import com.kin.core.identity.Caller;
import com.kin.data.Database;
import com.kin.data.search.SearchRepository;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Searches contacts, messages and voicemail transcriptions for what the caller may see: one statement per kind (two when
 * the text is too short for contacts), each ranking a bounded candidate set ({@link SearchRepository}).
 *
 * <p><b>Caching.</b> Results are cached for 2 minutes ({@code CacheKind.SEARCH}), keyed by the caller's visibility
 * ({@link Caller#visibilityKey()}), the normalised text ({@link SearchQuery}) and the group size; for an agent also its
 * department, whose unassigned voicemail queue it searches although its visibility key names only the agent.
 *
 * <p><b>The invalidation contract.</b> This function writes nothing, so it never invalidates. An entry carries the
 * <em>list tags</em> of what it searched, for the caller's visibility:
 * <ul>
 *   <li>{@code CacheTags.listsOf("contacts", caller)}: contacts, and the messages visible through a contact's owner
 *       (a reassigned or deleted contact changes which messages a caller sees);</li>
 *   <li>{@code CacheTags.listsOf("messages", caller)};</li>
 *   <li>{@code CacheTags.listsOfWorkItems("voicemails", caller)}: the caller's voicemail lists and, for an agent, its
 *       department's unassigned queue.</li>
 * </ul>
 * So every writer of contacts, messages or voicemails must, after its commit, invalidate the list tags of every visibility
 * that can see the record before and after the write ({@code CacheTags.listsShowing}, {@code listsShowingWorkItem},
 * {@code MessageTags.changed}), as it already must for its own list caches: a search is invalidated exactly when a list
 * of the same visibility is. A write that changes only what a search shows (such as a voicemail's transcription) is a
 * write to the record like any other and must invalidate those tags too; otherwise a search may show the old text for up
 * to 2 minutes.
 */
@Singleton
class SearchService {

    /** The resource names of the contacts, messages and voicemails functions, whose writers invalidate these tags. */
    static final String CONTACTS = "contacts";
    static final String MESSAGES = "messages";
    static final String VOICEMAILS = "voicemails";

    private final Database database;
    private final SearchRepository repository;
    private final TwoTierCache cache;

    SearchService(Database database, SearchRepository repository, TwoTierCache cache) {
        this.database = database;
        this.repository = repository;
        this.cache = cache;
    }

    Cached<SearchResults> search(Caller caller, SearchQuery query) {
        return cache.get(key(caller, query), SearchResults.class, () -> load(caller, query));
    }

    static CacheKey key(Caller caller, SearchQuery query) {
        CacheKey.Builder key = CacheKey.builder(CacheKind.SEARCH).scope(caller)
                .param("q", query.text()).param("limit", query.limit())
                .tag(CacheTags.listsOf(CONTACTS, caller))
                .tag(CacheTags.listsOf(MESSAGES, caller));
        caller.unassignedQueueDepartment().ifPresent(department -> key.param("department", department));
        CacheTags.listsOfWorkItems(VOICEMAILS, caller).forEach(key::tag);
        return key.build();
    }

    private SearchResults load(Caller caller, SearchQuery query) {
        List<ContactMatch> contacts = query.searchesContacts()
                ? repository.contacts(database, caller, query.text(), query.limit())
                : List.of();
        return new SearchResults(query.text(), contacts,
                repository.messages(database, caller, query.text(), query.limit()),
                repository.voicemails(database, caller, query.text(), query.limit()));
    }
}
