package com.kin.load.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTemplateTest {

    @Test
    void expand_fillsParameters_whileTheKeyStaysTheTemplate() {
        RouteTemplate route = RouteTemplate.of("GET /api/contacts/{id}");

        assertThat(route.expand(Map.of("id", "7f1c2a9e-0000-4000-8000-000000000001")))
                .isEqualTo("/api/contacts/7f1c2a9e-0000-4000-8000-000000000001");
        assertThat(route.key()).isEqualTo("GET /api/contacts/{id}");
        assertThat(route.hasParameters()).isTrue();
    }

    @Test
    void expand_encodesEachValueAsOnePathSegment() {
        RouteTemplate route = RouteTemplate.of("GET /api/messages/thread/{contactId}");

        assertThat(route.expand(Map.of("contactId", "a/b c?d"))).isEqualTo("/api/messages/thread/a%2Fb%20c%3Fd");
    }

    @Test
    void expand_withoutAValue_namesTheParameter() {
        assertThatThrownBy(() -> RouteTemplate.of("PATCH /api/voicemails/{id}").expand(Map.of()))
                .hasMessage("route template PATCH /api/voicemails/{id} - no value for {id}");
    }

    @Test
    void aQueryOrALowerCaseMethod_isNotATemplate() {
        assertThatThrownBy(() -> RouteTemplate.of("GET /api/contacts?limit=25")).hasMessageContaining("route template");
        assertThatThrownBy(() -> RouteTemplate.of("get /api/contacts")).hasMessageContaining("route template");
        assertThatThrownBy(() -> RouteTemplate.of("/api/contacts")).hasMessageContaining("METHOD /path");
    }

    @Test
    void aPathWithoutParameters_expandsToItself() {
        RouteTemplate route = RouteTemplate.of("POST /fn/TwilioMessagingFunction/sms");

        assertThat(route.expand(Map.of())).isEqualTo("/fn/TwilioMessagingFunction/sms");
        assertThat(route.hasParameters()).isFalse();
    }
}
