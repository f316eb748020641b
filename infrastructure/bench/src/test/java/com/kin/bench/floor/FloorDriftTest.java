package com.kin.bench.floor;

import static org.assertj.core.api.Assertions.assertThat;

import com.kin.core.identity.Caller;
import com.kin.core.identity.Role;
import com.kin.data.Visibility;
import com.kin.data.search.SearchRepository;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The floors copy repository SQL as text (the floor must not load shared/data); these checks fail when the rules they
 * copied change, so that the floor is updated with them instead of silently measuring other work.
 */
class FloorDriftTest {

    private static final Caller AGENT = new Caller(UUID.randomUUID(), "a@kin.local", Role.AGENT, "sales");

    @Test
    void messageFloors_copyVisibilityMessageForAnAgent() {
        String visible = oneLine(Visibility.message(AGENT, "m").sql());
        assertThat(oneLine(FloorQueries.MESSAGE_BY_ID)).endsWith("where m.id = ? and " + visible);
        assertThat(oneLine(SearchFloor.MESSAGES)).contains("plainto_tsquery('simple', ?) and " + visible + " limit ?");
    }

    @Test
    void searchFloor_copiesTheVoicemailAndContactVisibility_andTheCandidateCap() {
        assertThat(oneLine(SearchFloor.VOICEMAILS))
                .contains(oneLine(Visibility.workItem(AGENT, "v.assigned_to_id", "v.department").sql()) + " limit ?");
        assertThat(oneLine(SearchFloor.CONTACTS))
                .contains("like lower(?) and " + Visibility.owner(AGENT, "c.owner_id").sql() + " limit ?");
        assertThat(FloorParam.SEARCH_CANDIDATES).isEqualTo(SearchRepository.CANDIDATES);
    }

    @Test
    void bulkSmsFloor_copiesTheOwnerVisibility() {
        assertThat(oneLine(FloorQueries.BULK_SMS_PROGRESS))
                .contains("where j.id = ? and " + Visibility.owner(AGENT, "j.created_by").sql() + " group by j.id");
    }

    /** The copies are laid out for reading; compare them with whitespace collapsed and no space inside parentheses. */
    private static String oneLine(String sql) {
        return sql.replaceAll("\\s+", " ").replace("( ", "(").replace(" )", ")").strip();
    }
}
