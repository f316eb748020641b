package com.kin.search;

import com.kin.core.domain.ContactMatch;
import com.kin.core.domain.SearchResults;
import com.kin.core.identity.Caller;
import com.kin.data.Database;
import com.kin.data.search.SearchRepository;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Searches contacts, messages and voicemail transcriptions for what the caller may see: one statement per kind (two when
 * the text is too short for contacts), each ranking a bounded candidate set ({@link SearchRepository}). The one read
 * method, {@link #search}, is what the 2-minute search cache wraps; its key must include the caller's visibility.
 */
@Singleton
class SearchService {

    private final Database database;
    private final SearchRepository repository;

    SearchService(Database database, SearchRepository repository) {
        this.database = database;
        this.repository = repository;
    }

    SearchResults search(Caller caller, SearchQuery query) {
        List<ContactMatch> contacts = query.searchesContacts()
                ? repository.contacts(database, caller, query.text(), query.limit())
                : List.of();
        return new SearchResults(query.text(), contacts,
                repository.messages(database, caller, query.text(), query.limit()),
                repository.voicemails(database, caller, query.text(), query.limit()));
    }
}
