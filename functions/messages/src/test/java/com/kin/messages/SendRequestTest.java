package com.kin.messages;

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

class SendRequestTest {

    static final PhoneNumbers PHONES = new PhoneNumbers("US");
    static final JsonMapper JSON = JsonMapper.createDefault();
    static final String CONTACT = "10000000-0000-4000-8000-000000000001";
    static final String TEMPLATE = "22000000-0000-4000-8000-000000000001";

    @Test
    void contactAndBody_areRead() {
        SendRequest request = parse("{\"contactId\": \"" + CONTACT + "\", \"body\": \"Hi\"}");

        assertThat(request).isEqualTo(new SendRequest(UUID.fromString(CONTACT), null, "Hi", null, Map.of()));
    }

    @Test
    void aNumberInAnyNotation_isKeptInE164() {
        assertThat(parse("{\"to\": \"(415) 555-0132\", \"body\": \"Hi\"}").to()).isEqualTo("+14155550132");
    }

    @Test
    void templateWithVariables_isRead() {
        SendRequest request = parse("{\"to\": \"+14155550132\", \"templateId\": \"" + TEMPLATE
                + "\", \"variables\": {\"name\": \"Ada\"}}");

        assertThat(request.templateId()).isEqualTo(UUID.fromString(TEMPLATE));
        assertThat(request.variables()).containsExactly(Map.entry("name", "Ada"));
    }

    @Test
    void neitherRecipientNorText_namesBoth() {
        assertThat(errors("{}")).containsKeys("contactId", "body");
    }

    @Test
    void bothRecipientsAndBothTexts_areRefused() {
        assertThat(errors("{\"contactId\": \"" + CONTACT + "\", \"to\": \"+14155550132\", \"body\": \"Hi\", "
                + "\"templateId\": \"" + TEMPLATE + "\"}")).containsKeys("contactId", "body");
    }

    @Test
    void badValues_areEachNamed() {
        Map<String, String> errors = errors("{\"contactId\": 7, \"body\": \"   \", \"variables\": {\"a\": 1}, \"cc\": \"x\"}");

        assertThat(errors).containsKeys("contactId", "body", "variables", "cc");
    }

    @Test
    void variableThatIsNotText_isNamedWithItsPath() {
        assertThat(errors("{\"contactId\": \"" + CONTACT + "\", \"templateId\": \"" + TEMPLATE
                + "\", \"variables\": {\"order\": 42}}")).containsKey("variables.order");
    }

    @Test
    void bodyLongerThanOneSms_isRefused() {
        assertThat(errors("{\"contactId\": \"" + CONTACT + "\", \"body\": \"" + "x".repeat(1601) + "\"}"))
                .containsKey("body");
    }

    @Test
    void invalidNumber_isNamed() {
        assertThat(errors("{\"to\": \"12\", \"body\": \"Hi\"}")).containsKey("to");
    }

    private static SendRequest parse(String json) {
        return SendRequest.parse(node(json), PHONES);
    }

    private static Map<String, String> errors(String json) {
        try {
            parse(json);
        } catch (BadRequestError e) {
            return e.fieldErrors();
        }
        throw new AssertionError("expected a 400 for " + json);
    }

    private static JsonNode node(String json) {
        try {
            return JSON.readValue(json, JsonNode.class);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void notAnObject_isRefused() {
        assertThatThrownBy(() -> parse("[1]")).isInstanceOf(BadRequestError.class);
    }
}
