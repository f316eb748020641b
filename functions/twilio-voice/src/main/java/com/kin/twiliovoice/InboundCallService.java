package com.kin.twiliovoice;

import com.kin.core.domain.CallStatus;
import com.kin.data.Database;
import com.kin.data.calls.CallWebhookRepository;
import com.kin.data.calls.InboundCall;
import com.kin.data.routing.Route;
import com.kin.data.routing.RoutingRule;
import com.kin.twilio.webhook.SignedWebhook;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;

/**
 * Answers inbound calls: routes them (the routing rule in shared/data), records them (invalidating the cached call
 * histories that show them), and says what Twilio does next.
 */
@Singleton
class InboundCallService {

    /** How a {@code <Dial>} or a TaskRouter queue ends when the caller spoke with someone, or is gone. */
    private static final Set<String> DIAL_CONNECTED = Set.of("completed", "answered");
    private static final Set<String> QUEUE_DONE = Set.of("bridged", "bridging-in-process", "hangup");

    private final Database database;
    private final RoutingRule routing;
    private final CallWebhookRepository calls;
    private final VoiceCache cache;
    private final VoiceTwiml twiml;
    private final VoiceConfig config;
    private final Clock clock;

    InboundCallService(Database database, RoutingRule routing, CallWebhookRepository calls, VoiceCache cache,
                       VoiceTwiml twiml, VoiceConfig config, Clock clock) {
        this.database = database;
        this.routing = routing;
        this.calls = calls;
        this.cache = cache;
        this.twiml = twiml;
        this.config = config;
        this.clock = clock;
    }

    /** The TwiML for a new inbound call; a retried webhook for the same CallSid is answered alike and stores nothing. */
    String answer(SignedWebhook webhook) {
        String from = webhook.required("From");
        String to = webhook.required("To");
        CallStatus status = webhook.optional("CallStatus").flatMap(CallStatus::fromWire).orElse(CallStatus.RINGING);
        Route route = routing.route(database, from, to, config.fallbackDepartment());
        calls.recordInbound(database, new InboundCall(webhook.required("CallSid"), status, from, to,
                route.owner() == null ? null : route.owner().id(), route.contactId().orElse(null), route.department()),
                clock.instant()).ifPresent(cache::callChanged);
        return twiml.answer(route, webhook);
    }

    /**
     * The TwiML after a ring ends ({@code <Dial action>} or {@code <Enqueue action>}): hang up after a conversation;
     * after the owner did not answer, ring the department; otherwise take a voicemail.
     */
    String afterDial(SignedWebhook webhook, DialStage stage) {
        if (connected(webhook)) {
            return twiml.hangup();
        }
        if (stage == DialStage.OWNER) {
            Route route = routing.route(database, webhook.required("From"), webhook.required("To"),
                    config.fallbackDepartment());
            return twiml.ringAgentsOrVoicemail(route, webhook);
        }
        return twiml.voicemail(webhook);
    }

    private static boolean connected(SignedWebhook webhook) {
        String dial = webhook.optional("DialCallStatus").map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
        String queue = webhook.optional("QueueResult").map(s -> s.toLowerCase(Locale.ROOT)).orElse("");
        return DIAL_CONNECTED.contains(dial) || QUEUE_DONE.contains(queue);
    }
}
