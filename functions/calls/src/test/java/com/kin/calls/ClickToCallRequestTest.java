package com.kin.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kin.core.error.BadRequestError;
import com.kin.core.validation.PhoneNumbers;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClickToCallRequestTest {

    static final PhoneNumbers PHONES = new PhoneNumbers("US");
    static final JsonMapper JSON = JsonMapper.createDefault();
    static final String CONTACT = "10000000-0000-4000-8000-000000000001";

    @Test
    void contactViaPhone_isRead() {
        assertThat(parse("{\"contactId\": \"" + CONTACT + "\", \"via\": \"phone\"}"))
                .isEqualTo(new ClickToCallRequest(UUID.fromString(CONTACT), null, ClickToCallRequest.Via.PHONE));
    }

    @Test
    void numberViaClient_isKeptInE164() {
        assertThat(parse("{\"to\": \"415.555.0132\", \"via\": \"client\"}"))
                .isEqualTo(new ClickToCallRequest(null, "+14155550132", ClickToCallRequest.Via.CLIENT));
    }

    @Test
    void neitherOrBothParties_andNoVia_areNamed() {
        assertThat(errors("{}")).containsKeys("contactId", "via");
        assertThat(errors("{\"contactId\": \"" + CONTACT + "\", \"to\": \"+14155550132\", \"via\": \"phone\"}"))
                .containsOnlyKeys("contactId");
    }

    @Test
    void badValues_andUnknownFields_areEachNamed() {
        assertThat(errors("{\"contactId\": \"7\", \"via\": \"PHONE\", \"record\": true}"))
                .containsOnlyKeys("contactId", "via", "record");
        assertThat(errors("{\"to\": 4155550132, \"via\": \"phone\"}")).containsOnlyKeys("to");
    }

    @Test
    void notAnObject_isRefused() {
        assertThatThrownBy(() -> parse("\"call me\"")).isInstanceOf(BadRequestError.class);
    }

    private static ClickToCallRequest parse(String json) {
        try {
            return ClickToCallRequest.parse(JSON.readValue(json, JsonNode.class), PHONES);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Map<String, String> errors(String json) {
        try {
            parse(json);
        } catch (BadRequestError e) {
            return e.fieldErrors();
        }
        throw new AssertionError("expected a 400 for " + json);
    }
}
