package com.kin.search;

import com.kin.core.domain.SearchResults;
import com.kin.core.identity.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;

/** {@code GET /api/search?q=&limit=}: contacts, messages and voicemails matching the text, best first per group. */
@Controller("/api/search")
class SearchController {

    private final SearchService search;

    SearchController(SearchService search) {
        this.search = search;
    }

    @Get
    SearchResults search(Caller caller, @Nullable @QueryValue String q, @Nullable @QueryValue String limit) {
        return search.search(caller, SearchQuery.parse(q, limit));
    }
}
