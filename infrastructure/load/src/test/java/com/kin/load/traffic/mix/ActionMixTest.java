package com.kin.load.traffic.mix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.kin.local.auth.LocalUser;
import com.kin.twilio.webhook.SignedEvents;
import com.kin.twilio.webhook.TwilioSigner;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ActionMixTest {

    private static final URI GATEWAY = URI.create("http://127.0.0.1:3000");

    @Test
    void draws_followTheWeights() {
        ActionMix mix = Mixes.forRole("agent");
        int total = mix.entries().stream().mapToInt(ActionMix.Entry::weight).sum();
        Map<ActionMix.Entry, Integer> drawn = new HashMap<>();
        SplittableRandom random = new SplittableRandom(42);
        int draws = 200_000;
        for (int i = 0; i < draws; i++) {
            drawn.merge(mix.pick(random), 1, Integer::sum);
        }
        for (ActionMix.Entry entry : mix.entries()) {
            assertThat(drawn.getOrDefault(entry, 0) / (double) draws).as(entry.action().name())
                    .isCloseTo(entry.weight() / (double) total, within(0.004));
        }
    }

    @Test
    void shares_addUpToAHundred_andOnlyManagersAndAdminsListUsers() {
        assertThat(Mixes.forRole("agent").shares().values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(100.0, within(0.1));
        assertThat(Mixes.forRole("agent").shares()).doesNotContainKey("GET /api/users");
        assertThat(Mixes.forRole("manager").shares()).containsKey("GET /api/users");
        assertThat(Mixes.forRole("admin").shares()).containsKey("GET /api/users");
        assertThat(Mixes.forRole("agent").shares()).containsKeys("GET /api/contacts/{id}", "POST /api/messages",
                "POST /fn/TwilioMessagingFunction/sms", "POST /fn/TwilioVoiceFunction/voice/status");
    }

    @Test
    void aLookupBeforeAnyList_fallsBackToTheListThatTeachesIt() {
        Session session = session("agent");
        ActionMix.Entry lookup = entry("agent", "contacts.get");

        ActionMix.Planned first = ActionMix.prepare(lookup, session);

        assertThat(first.action().name()).isEqualTo("contacts.list");
        assertThat(first.call().pathAndQuery()).startsWith("/api/contacts?");
    }

    @Test
    void afterAList_theLookupUsesAnIdItTaught() throws Exception {
        Session session = session("agent");
        String id = UUID.randomUUID().toString();
        JsonNode page = Json.MAPPER.readTree("{\"items\":[{\"id\":\"" + id + "\",\"firstName\":\"Wile\",\"mobilePhone\":"
                + "\"+14155550101\",\"smsOptOut\":false,\"version\":3}],\"nextCursor\":null}");
        ActionMix.Planned list = ActionMix.prepare(entry("agent", "contacts.list"), session);
        list.action().learn().accept(session, page);

        ActionMix.Planned lookup = ActionMix.prepare(entry("agent", "contacts.get"), session);
        ActionMix.Planned send = ActionMix.prepare(entry("agent", "messages.send"), session);

        assertThat(lookup.call().pathAndQuery()).isEqualTo("/api/contacts/" + id);
        assertThat(lookup.call().route().key()).isEqualTo("GET /api/contacts/{id}");
        assertThat(send.call().body()).contains(id);
        assertThat(send.call().headers()).containsKey("idempotency-key");
        assertThat(ActionMix.prepare(entry("agent", "search"), session).call().pathAndQuery()).startsWith("/api/search?q=wil");
    }

    @Test
    void everyEntryOfEveryRole_canBePreparedOnAFreshSession() {
        for (String role : List.of("agent", "manager", "admin")) {
            for (ActionMix.Entry entry : Mixes.forRole(role).entries()) {
                ActionMix.Planned planned = ActionMix.prepare(entry, session(role));
                assertThat(planned.call().pathAndQuery()).as(entry.action().name()).startsWith("/");
            }
        }
    }

    @Test
    void webhooks_areSignedForExactlyTheUrlTheyArePostedTo_andCarryNoToken() {
        Session session = session("agent");
        ActionMix.Planned sms = ActionMix.prepare(entry("agent", "twilio.sms"), session);

        String expected = new TwilioSigner(SignedEvents.LOCAL_AUTH_TOKEN).sign(GATEWAY + sms.call().pathAndQuery(),
                form(sms.call().body()));
        assertThat(sms.call().isWebhook()).isTrue();
        assertThat(sms.call().headers()).containsEntry("x-twilio-signature", expected)
                .containsEntry("content-type", "application/x-www-form-urlencoded");
        assertThat(form(sms.call().body())).containsEntry("To", "+15550000100").containsKey("MessageSid");
    }

    @Test
    void aCallsStatusCallback_followsItsInboundCall() {
        Session session = session("agent");
        ActionMix.Planned before = ActionMix.prepare(entry("agent", "twilio.voiceStatus"), session);
        String callSid = form(before.call().body()).get("CallSid");

        ActionMix.Planned status = ActionMix.prepare(entry("agent", "twilio.voiceStatus"), session);

        assertThat(before.action().name()).isEqualTo("twilio.voice");
        assertThat(status.action().name()).isEqualTo("twilio.voiceStatus");
        assertThat(form(status.call().body())).containsEntry("CallSid", callSid).containsEntry("CallStatus", "completed");
    }

    private static ActionMix.Entry entry(String role, String name) {
        return Mixes.forRole(role).entries().stream().filter(entry -> entry.action().name().equals(name)).findFirst()
                .orElseThrow();
    }

    private static Session session(String role) {
        LocalUser user = new LocalUser(UUID.randomUUID(), role + "@kin.local", role, role, "sales");
        return new Session(0, user, "token", 1, new Twilio(GATEWAY, List.of("+15550000100")));
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            String[] parts = pair.split("=", 2);
            form.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return form;
    }
}
