package com.kin.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kin.core.error.BadRequestError;
import com.kin.core.validation.PhoneNumbers;
import com.kin.data.users.UserField;
import io.micronaut.json.tree.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserInputTest {

    private final UserInput input = new UserInput(new PhoneNumbers("US"));

    @Test
    void create_readsEveryField_normalisingThePhoneToE164() {
        Map<UserField, Object> values = input.forCreate(object(Map.of(
                "email", JsonNode.createStringNode(" ada@kin.local "),
                "name", JsonNode.createStringNode("Ada"),
                "role", JsonNode.createStringNode("manager"),
                "department", JsonNode.createStringNode("sales"),
                "twilioWorkerSid", JsonNode.createStringNode("WK0123456789abcdef0123456789abcdef"),
                "phoneNumber", JsonNode.createStringNode("415-555-0142"),
                "clientIdentity", JsonNode.createStringNode("ada.l_1"))));

        assertThat(values).containsEntry(UserField.EMAIL, "ada@kin.local")
                .containsEntry(UserField.ROLE, "manager")
                .containsEntry(UserField.PHONE_NUMBER, "+14155550142")
                .containsEntry(UserField.CLIENT_IDENTITY, "ada.l_1");
    }

    @Test
    void create_withoutEmailNameOrRole_reportsEachAsRequired() {
        assertThatThrownBy(() -> input.forCreate(object(Map.of())))
                .isInstanceOfSatisfying(BadRequestError.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("email", "name", "role"));
    }

    @Test
    void update_nullClearsOptionalFields_butNotTheName() {
        Map<String, JsonNode> body = new LinkedHashMap<>();
        body.put("department", JsonNode.nullNode());
        body.put("twilioWorkerSid", JsonNode.nullNode());
        body.put("phoneNumber", JsonNode.nullNode());

        Map<UserField, Object> values = input.forUpdate(object(body));

        assertThat(values).containsEntry(UserField.DEPARTMENT, null).containsEntry(UserField.TWILIO_WORKER_SID, null)
                .containsEntry(UserField.PHONE_NUMBER, null);
        assertThatThrownBy(() -> input.forUpdate(object(Map.of("name", JsonNode.nullNode()))))
                .isInstanceOf(BadRequestError.class);
    }

    @Test
    void workerSid_mustBeWkAnd32LowerCaseHexDigits() {
        assertThatThrownBy(() -> input.forUpdate(object(Map.of("twilioWorkerSid",
                JsonNode.createStringNode("WK0123456789ABCDEF0123456789ABCDEF"))))).isInstanceOf(BadRequestError.class);
        assertThatThrownBy(() -> input.forUpdate(object(Map.of("twilioWorkerSid",
                JsonNode.createStringNode("WA0123456789abcdef0123456789abcdef"))))).isInstanceOf(BadRequestError.class);
    }

    @Test
    void roles_areExactWireNames_andActiveIsABoolean() {
        assertThatThrownBy(() -> input.forUpdate(object(Map.of("role", JsonNode.createStringNode("Admin")))))
                .isInstanceOf(BadRequestError.class);
        assertThatThrownBy(() -> input.forUpdate(object(Map.of("active", JsonNode.createStringNode("false")))))
                .isInstanceOf(BadRequestError.class);
        assertThat(input.forUpdate(object(Map.of("active", JsonNode.createBooleanNode(false)))))
                .containsEntry(UserField.ACTIVE, false);
    }

    private static JsonNode object(Map<String, JsonNode> fields) {
        return JsonNode.createObjectNode(fields);
    }
}
