package com.kin.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kin.core.error.BadRequestError;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

    @Test
    void text_isLowerCasedWithSpacesCollapsed_limitDefaultsToFive() {
        SearchQuery query = SearchQuery.parse("  Ada \t  LOVELACE ", null);

        assertThat(query.text()).isEqualTo("ada lovelace");
        assertThat(query.limit()).isEqualTo(5);
        assertThat(query.searchesContacts()).isTrue();
    }

    @Test
    void twoCharacters_searchMessagesAndVoicemailsOnly() {
        SearchQuery query = SearchQuery.parse("ok", "20");

        assertThat(query.searchesContacts()).isFalse();
        assertThat(query.limit()).isEqualTo(20);
    }

    @Test
    void tooShortTooLongOrMissingText_and_badLimits_areReportedTogether() {
        assertThatThrownBy(() -> SearchQuery.parse(" a ", "0"))
                .isInstanceOfSatisfying(BadRequestError.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("q", "limit"));
        assertThatThrownBy(() -> SearchQuery.parse("x".repeat(101), null))
                .isInstanceOfSatisfying(BadRequestError.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("q"));
        assertThatThrownBy(() -> SearchQuery.parse(null, "21"))
                .isInstanceOfSatisfying(BadRequestError.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("q", "limit"));
        assertThatThrownBy(() -> SearchQuery.parse("invoice", "five"))
                .isInstanceOfSatisfying(BadRequestError.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys("limit"));
    }

    @Test
    void hundredCharacters_areAccepted() {
        assertThat(SearchQuery.parse("y".repeat(100), "1").text()).hasSize(100);
    }
}
