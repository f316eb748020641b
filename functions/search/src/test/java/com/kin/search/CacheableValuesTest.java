package com.kin.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.kin.core.domain.ContactMatch;
import com.kin.core.domain.MessageMatch;
import com.kin.core.domain.SearchResults;
import com.kin.core.domain.VoicemailMatch;
import com.kin.core.domain.VoicemailPriority;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the search cache will store (as Serde JSON in L2) reads back equal, empty groups included. */
class CacheableValuesTest {

    @Test
    void searchResults_roundTripThroughSerde() throws IOException {
        try (ApplicationContext context = ApplicationContext.run()) {
            JsonMapper json = context.getBean(JsonMapper.class);
            Instant at = Instant.parse("2026-01-01T10:00:00Z");
            SearchResults results = new SearchResults("invoice",
                    List.of(new ContactMatch(UUID.randomUUID(), UUID.randomUUID(), "Ada", null, null, null, null, null, 0.5)),
                    List.of(new MessageMatch(UUID.randomUUID(), null, null, "inbound", "invoice", "+1", "+2", at, 0.1)),
                    List.of(new VoicemailMatch(UUID.randomUUID(), null, null, "sales", VoicemailPriority.URGENT, "+1",
                            "invoice", true, at, 0.2)));
            SearchResults empty = new SearchResults("zebra", List.of(), List.of(), List.of());

            assertThat(json.readValue(json.writeValueAsString(results), SearchResults.class)).isEqualTo(results);
            assertThat(json.writeValueAsString(empty)).contains("\"contacts\":[]", "\"messages\":[]", "\"voicemails\":[]");
            assertThat(json.readValue(json.writeValueAsString(empty), SearchResults.class)).isEqualTo(empty);
        }
    }
}
