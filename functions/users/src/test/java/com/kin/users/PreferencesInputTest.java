package com.kin.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kin.core.domain.Preferences;
import com.kin.core.error.BadRequestError;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PreferencesInputTest {

    static ApplicationContext context;
    static JsonMapper json;
    static PreferencesInput input;

    @BeforeAll
    static void start() {
        context = ApplicationContext.run();
        json = context.getBean(JsonMapper.class);
        input = new PreferencesInput(json);
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void emptyDocument_isTheDefaults() {
        assertThat(input.fromRequest(node("{}"))).isEqualTo(Preferences.DEFAULTS);
    }

    @Test
    void fullDocument_isReadAsSent_languageInCanonicalForm() {
        Preferences read = input.fromRequest(node("""
                {"timezone": "America/New_York", "language": "pt-br", "theme": "dark", "pageSize": 100,
                 "defaultVoicemailQueue": "unassigned",
                 "notifications": {"email": false, "sms": true, "desktop": false, "voicemailDigest": "daily"}}"""));

        assertThat(read).isEqualTo(new Preferences("America/New_York", "pt-BR", Preferences.Theme.DARK, 100,
                Preferences.VoicemailView.UNASSIGNED,
                new Preferences.Notifications(false, true, false, Preferences.VoicemailDigest.DAILY)));
    }

    @Test
    void storedForm_roundTripsEveryField_includingFalseAndDefaults() {
        Preferences chosen = new Preferences("Asia/Tokyo", "ja-JP", Preferences.Theme.LIGHT, 10,
                Preferences.VoicemailView.DEPARTMENT,
                new Preferences.Notifications(false, false, false, Preferences.VoicemailDigest.OFF));

        String stored = input.toJson(chosen);

        assertThat(stored).contains("\"email\":false").contains("\"pageSize\":10").contains("\"theme\":\"light\"");
        assertThat(input.fromStored(stored)).isEqualTo(chosen);
    }

    @Test
    void invalidValues_areAllReported() {
        assertThatThrownBy(() -> input.fromRequest(node("""
                {"timezone": "GMT+2", "language": "", "theme": "LIGHT", "pageSize": 25.5,
                 "defaultVoicemailQueue": null, "notifications": {"email": "true"}}""")))
                .isInstanceOfSatisfying(BadRequestError.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys(
                        "timezone", "language", "theme", "pageSize", "defaultVoicemailQueue", "notifications.email"));
    }

    @Test
    void pageSize_boundsAreInclusive() {
        assertThat(input.fromRequest(node("{\"pageSize\": 10}")).pageSize()).isEqualTo(10);
        assertThat(input.fromRequest(node("{\"pageSize\": 100}")).pageSize()).isEqualTo(100);
        assertThatThrownBy(() -> input.fromRequest(node("{\"pageSize\": 101}"))).isInstanceOf(BadRequestError.class);
        assertThatThrownBy(() -> input.fromRequest(node("{\"pageSize\": 9}"))).isInstanceOf(BadRequestError.class);
    }

    @Test
    void languageTags_mustReadBackAsThemselves() {
        assertThat(input.fromRequest(node("{\"language\": \"zh-Hant-TW\"}")).language()).isEqualTo("zh-Hant-TW");
        assertThatThrownBy(() -> input.fromRequest(node("{\"language\": \"e\"}")))
                .isInstanceOf(BadRequestError.class);
        assertThatThrownBy(() -> input.fromRequest(node("{\"language\": \"en_US\"}")))
                .isInstanceOf(BadRequestError.class);
    }

    @Test
    void notificationsNotAnObject_orNotAJsonObjectAtAll_are400() {
        assertThatThrownBy(() -> input.fromRequest(node("{\"notifications\": true}")))
                .isInstanceOfSatisfying(BadRequestError.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("notifications"));
        assertThatThrownBy(() -> input.fromRequest(node("\"dark\""))).isInstanceOf(BadRequestError.class);
    }

    @Test
    void storedDocument_thatIsNotAnObject_readsAsTheDefaults() {
        assertThat(input.fromStored("[]")).isEqualTo(Preferences.DEFAULTS);
    }

    private static JsonNode node(String text) {
        try {
            return json.readValue(text, JsonNode.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
