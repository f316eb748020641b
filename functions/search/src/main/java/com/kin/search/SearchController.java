package com.kin.search;

import com.kin.cache.CacheSource;
import com.kin.cache.Cached;
import com.kin.core.domain.SearchResults;
import com.kin.core.identity.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;

/**
 * {@code GET /api/search?q=&limit=}: contacts, messages and voicemails matching the text, best first per group; the
 * {@code x-cache} header says which cache tier answered.
 */
@Controller("/api/search")
class SearchController {

    private final SearchService search;

    SearchController(SearchService search) {
        this.search = search;
    }

    @Get
    HttpResponse<SearchResults> search(Caller caller, @Nullable @QueryValue String q, @Nullable @QueryValue String limit) {
        Cached<SearchResults> results = search.search(caller, SearchQuery.parse(q, limit));
        return HttpResponse.ok(results.value()).header(CacheSource.HEADER, results.source().headerValue());
    }
}
