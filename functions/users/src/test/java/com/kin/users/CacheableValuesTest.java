package com.kin.users;

import static org.assertj.core.api.Assertions.assertThat;

import com.kin.core.domain.Preferences;
import com.kin.core.domain.User;
import com.kin.core.domain.UserPreferences;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the session and preferences caches will store (as Serde JSON in L2) reads back equal to what was written. */
class CacheableValuesTest {

    @Test
    void userAndPreferences_roundTripThroughSerde() throws IOException {
        try (ApplicationContext context = ApplicationContext.run()) {
            JsonMapper json = context.getBean(JsonMapper.class);
            User user = new User(UUID.randomUUID(), "a@kin.local", "A", "agent", null, null, "+14155550142", "a",
                    false, Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-02T00:00:00Z"), 3);
            UserPreferences preferences = new UserPreferences(user.id(), new Preferences("Europe/Paris", "fr-FR",
                    Preferences.Theme.DARK, 50, Preferences.VoicemailView.UNASSIGNED,
                    new Preferences.Notifications(false, true, false, Preferences.VoicemailDigest.WEEKLY)), 3);

            assertThat(json.readValue(json.writeValueAsString(user), User.class)).isEqualTo(user);
            assertThat(json.readValue(json.writeValueAsString(preferences), UserPreferences.class)).isEqualTo(preferences);
        }
    }
}
